#pragma once

#include "schema/RenameDecisions.h"

#include <QString>

namespace strata {

// The command line's --rename kind:old=new, shared by strata diff and strata generate.
class RenameArguments
{
public:
    // Adds one decision. Tables, enums, sequences and views: [schema.]name on each side
    // (public when left out); columns and policies: [schema.]table.old=new, the table as it
    // is in <to>; schemas and roles: old=new. Names with dots or quotes are written in "".
    // False, and *error says why, for anything else.
    static bool add(const QString &argument, RenameDecisions *decisions, QString *error);
};

} // namespace strata
