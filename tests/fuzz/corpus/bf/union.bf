base 32
block A { field a 4 padding 28 }
block B { field b 4 padding 28 }
block C { field c 4 padding 28 }
tagged_union U kind {
  mask 4 0xe
  mask 8 0x0e
  tag A 0
  tag B (1) + 1
  tag C 0x1e
}
