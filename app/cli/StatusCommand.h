#pragma once

#include <QStringList>

namespace strata {

// `strata status`: what a database has applied of a migrations folder (Plan: applied,
// modified, pending, out of order, missing) and how it drifted from the last applied snapshot.
class StatusCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
