base 64
block P { field_ptr p 64 field_ptr(4) q 64 }
