#pragma once

// Internal to SchemaDiff: where drizzle-kit's statement order makes PostgreSQL refuse the
// migration, the statements that need it are moved (or added) here, and nowhere else.

#include "DiffGroups.h"
#include "Schema.h"

namespace strata::diff {

QString key(const QString &schema, const QString &name);
Change make(Change::Kind kind, const QString &schema, const QString &name);
// Whether `text` names `name` (a word match, so "a view that names the table" may not read
// the column in question: it is recreated all the same).
bool mentions(const QString &text, const QString &name);

// A foreign key into a table that DROP TABLE … CASCADE has taken away already is not dropped
// again; one on a unique constraint that goes away is dropped before it; one on a key that
// this migration adds is created after the key.
void orderForeignKeys(const Schema &from, const Schema &to, DiffGroups *groups);
// While its enum is recreated a column goes through text: indexes and checks whose
// expression reads it are dropped before and created again after.
void aroundEnumRecreation(const Schema &from, const Schema &to, DiffGroups *groups);
// A partition is created after its parent and dropped before it (DROP TABLE … CASCADE of the
// parent takes it along, and dropping it then fails).
void partitionsAfterParents(DiffGroups *groups);

} // namespace strata::diff
