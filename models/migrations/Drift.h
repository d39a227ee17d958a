#pragma once

#include "schema/Schema.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

class MigrationFolder;
class Plan;

// How a live database differs from what its applied migrations say it is: the newest
// applied migration's snapshot (an empty schema when none is applied) against the
// database's introspected schema, as the SQL that would turn the one into the other.
class Drift
{
public:
    struct Expected {
        Schema schema;
        QString tag;  // the migration whose snapshot it is; empty for "nothing applied"
    };

    // Nothing, and *error, when that snapshot cannot be read.
    static std::optional<Expected> expected(const MigrationFolder &folder, const Plan &plan, QString *error);
    // What changed in the database since: empty when nothing did. `live` is taken by value:
    // drizzle's spelling is carried over to it where it means the same.
    static QStringList sql(const Schema &expected, Schema live);
};

} // namespace strata
