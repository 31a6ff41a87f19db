#ifndef LIB_ASSERT_H
#define LIB_ASSERT_H

/* C11's static_assert, for the kernel and user programs alike; host code gets
   the same name from the host's <assert.h>. Run-time checks are ASSERT, in
   <debug.h>. */
#define static_assert _Static_assert

#endif /* lib/assert.h */
