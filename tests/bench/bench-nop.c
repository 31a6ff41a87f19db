/* Does nothing: the child that bench-exec starts and waits for. */

int main (void);

int
main (void)
{
  return 0;
}
