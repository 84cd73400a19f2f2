/* SPDX-License-Identifier: BSD-2-Clause */
/* Embeds default_config.toml in the selfe binary, NUL-terminated, with its size. */
	.section .rodata
	.global selfe_default_config
	.global selfe_default_config_size
	.balign 16
selfe_default_config:
	.incbin "config/default_config.toml"
selfe_default_config_end:
	.byte 0
	.balign 8
selfe_default_config_size:
	.quad selfe_default_config_end - selfe_default_config
	.section .note.GNU-stack,"",@progbits
