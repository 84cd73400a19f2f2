#pragma whatever
base 32 -- trailing comment
block A { # mid-line hash comment
  field x 32
}
# 10 "dir/types.bf"
#line 40 "dir/types.bf"
block B { field y 32 }
