set(KernelArch arm CACHE STRING "")
config_choice(KernelSel4Arch SEL4_ARCH "Architecture mode"
    "aarch64;KernelSel4ArchAarch64;ARCH_AARCH64;KernelArchARM"
    "aarch32;KernelSel4ArchAarch32;ARCH_AARCH32;KernelArchARM"
    "x86_64;KernelSel4ArchX86_64;ARCH_X86_64;KernelArchX86")
config_option(KernelDebugBuild DEBUG_BUILD "Debug build" DEFAULT ON)
config_option(KernelPrinting PRINTING "Printing" DEFAULT ${KernelDebugBuild} DEPENDS "KernelDebugBuild" DEFAULT_DISABLED OFF)
config_string(KernelMaxNumNodes MAX_NUM_NODES "Nodes" DEFAULT 1 UNQUOTE)
config_string(KernelOptLevel KERNEL_OPT_LEVEL "Opt" DEFAULT "-O2")
config_set(KernelWordSize WORD_SIZE 64)
if(KernelSel4ArchAarch64)
  config_option(KernelArmHypervisorSupport ARM_HYPERVISOR_SUPPORT "Hyp" DEFAULT OFF DEPENDS "KernelSel4ArchAarch64")
endif()
add_config_library(kernel "${configure_string}")
config_option(LibSel4FunctionAttributes LIB_SEL4_DEFAULT_FUNCTION_ATTRIBUTES "Attrs" DEFAULT OFF)
add_config_library(sel4 "${configure_string}")
