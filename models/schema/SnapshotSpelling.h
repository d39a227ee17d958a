#pragma once

#include <QByteArray>
#include <QString>

namespace strata {

// How a drizzle snapshot spelled a column where the model's canonical values cannot tell
// the spellings apart ("timestamp (3)" and "timestamp(3)" are both timestamp(3) without
// time zone; a default written as the JSON string "5" or the number 5 is both "5").
// SnapshotJson::read fills it only when the canonical spelling would differ, and
// SnapshotJson::write uses each part only while it still means what the column says, so a
// file read and written again comes back byte for byte, and an edited column falls back
// to the canonical spelling. It carries no meaning of its own, so it never makes two
// columns unequal: schema comparison and diff ignore it.
struct SnapshotSpelling {
    QString type;            // drizzle's "type" text, array brackets included
    QByteArray defaultJson;  // drizzle's "default" as compact JSON text
    // drizzle's "primaryKey": true where the model's primary key does not say so: view
    // columns (drizzle copies the flag from the table column a view selects) and columns of
    // tables whose snapshot also lists another primary key.
    bool primaryKey = false;
    // drizzle's "notNull": true on a member of a composite primary key. PostgreSQL makes
    // every key column NOT NULL, so the model says so; drizzle writes false unless the
    // schema.ts said .notNull().
    bool notNullInKey = false;
    // drizzle's "isRLSEnabled": true on a table with policies (.enableRLS() as well as
    // policies). Policies turn row-level security on either way, so the model says so;
    // drizzle writes false unless the schema.ts said .enableRLS().
    bool rlsWithPolicies = false;

    bool isEmpty() const
    {
        return type.isEmpty() && defaultJson.isEmpty() && !primaryKey && !notNullInKey && !rlsWithPolicies;
    }
    bool operator==(const SnapshotSpelling &) const { return true; }
};

} // namespace strata
