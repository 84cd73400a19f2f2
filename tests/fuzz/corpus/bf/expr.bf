base 64
block E {
  field a 2 + 3 * 4
  field b (2 + 3) * 4
  field c 20 - 4 - 2
  field d -7 / 2 + 5
  field e -7 % 3 + 1
  field f 0x4 + 0b1 + 0o2
  padding word_size - 59
}
