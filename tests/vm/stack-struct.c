/* A big object on the stack: a 192 kB structure built in a local, returned
   by value and passed by value, so that three copies of it live on the
   stack at once.  Every copy must hold what was put in the first. */

#include "tests/vm/vmlib.h"

#define WORDS (48 * 1024)

struct big
{
  uint32_t words[WORDS];
  uint32_t tag;
};

static struct big __attribute__ ((noinline)) make_big (uint32_t tag)
{
  struct big b;
  size_t i;

  for (i = 0; i < WORDS; i++)
    b.words[i] = i * 7 ^ tag;
  b.tag = tag;
  return b;
}

static uint32_t __attribute__ ((noinline)) check_big (struct big b, uint32_t tag)
{
  size_t i;

  if (b.tag != tag)
    fail ("copy's tag is 0x%08x, expected 0x%08x", (unsigned) b.tag, (unsigned) tag);
  for (i = 0; i < WORDS; i++)
    if (b.words[i] != (i * 7 ^ tag))
      fail ("copy's word %zu is wrong", i);
  return b.tag;
}

void
test_main (void)
{
  struct big b = make_big (0x51ab);

  msg ("built a %zu-byte structure on the stack", sizeof b);
  CHECK (check_big (b, 0x51ab) == 0x51ab, "a copy passed by value is intact");
  CHECK (b.words[WORDS - 1] == ((WORDS - 1) * 7 ^ 0x51ab), "the original is intact");
}
