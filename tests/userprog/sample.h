#ifndef TESTS_USERPROG_SAMPLE_H
#define TESTS_USERPROG_SAMPLE_H

/* The exact contents of tests/userprog/sample.txt, which tests that read a
   file put on the disk with `#! files: sample.txt'.  Change both together. */

static const char sample[]
    = "Kestrel sample file for the user-program tests.\n"
      "The tests read it back and compare it byte for byte with the copy in\n"
      "tests/userprog/sample.h, so the two must always change together.\n"
      "\n"
      "A process is a program in execution: an address space holding its\n"
      "code, data and stack, plus the open files and the exit status its\n"
      "parent will collect with wait().  This file is longer than 256 bytes\n"
      "on purpose, so that reads of it cross the test library's chunks.\n";

#endif /* tests/userprog/sample.h */
