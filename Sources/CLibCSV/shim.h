#ifndef NEEDS_CLIBCSV_SHIM_H
#define NEEDS_CLIBCSV_SHIM_H
#include <csv.h>
#endif
