#pragma once

#include <QCoreApplication>

namespace strata {

// Translation context for code that is not a QObject (values, parsers, command lines).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Strata)
};

} // namespace strata
