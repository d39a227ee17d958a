#pragma once

#include <QStringList>

namespace strata {

// `strata snapshot --url <conninfo> [--schema a,b]`: a drizzle version-"7" snapshot of a
// live database on standard output.
class SnapshotCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
