#pragma once

#include <QStringList>

namespace strata {

// `strata check [--project <folder> | --dir <migrations folder>] [--json]`: lists every
// problem of a drizzle migrations folder. Exit code 0 clean (notes allowed), 1 errors or
// warnings found, 2 bad usage or no such folder.
class CheckCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
