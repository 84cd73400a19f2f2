base 64

block A { field x 4 padding 28 field y 32 padding 64 }
base 64(48, 1)
block B(y, x) {
  field_high x 16
  field y word_size - 16
}
