#pragma once

#include <QStringList>

namespace strata {

// `strata check [--project <folder> | --dir <migrations folder>] [--json]`: lists every
// problem of a drizzle migrations folder and the hazards HazardLint finds in its SQL. Exit
// code 0 clean (notes, and hazards below error level, allowed), 1 errors or warnings found or
// an error-level hazard, 2 bad usage or no such folder.
class CheckCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
