// Compiled with strata_models' dependencies only (Qt6::Core): this include must fail.
// The CTest support.ModelsCannotIncludeWidgets expects this build to fail.
#include <QWidget>
