#pragma once

#include <QCoreApplication>

namespace strata {

// Translation context for code that is not a QObject (values, parsers, command lines).
struct Tr {
    // The context must be the class name: that is the context lupdate writes for Tr::tr().
    Q_DECLARE_TR_FUNCTIONS(Tr)
};

} // namespace strata
