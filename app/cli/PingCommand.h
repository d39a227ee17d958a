#pragma once

#include <QStringList>

namespace strata {

// `strata ping [URL | --project <folder>]`: connects once and says to what, or why not.
class PingCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
