#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace strata {

// The caller's answers to "was this renamed or dropped and created?", per kind of object.
// SchemaDiff never guesses a rename: a name that disappeared and one that appeared are a
// drop and a create unless a decision here pairs them.
struct RenameDecisions {
    // Where an object lives. `table` is used by columns and policies only; `schema` by
    // everything but schemas and roles.
    struct Name {
        QString schema;
        QString table;
        QString name;

        bool operator==(const Name &) const = default;
    };
    // One decision. For tables, enums, sequences and views a differing schema is a move
    // (SET SCHEMA) and a differing name a rename; both may happen at once. Columns and
    // policies name their table as it is in `to` (after the table's own rename or move),
    // as drizzle-kit asks about them.
    struct Rename {
        Name from;
        Name to;

        bool operator==(const Rename &) const = default;
    };

    QList<Rename> schemas;    // name only
    QList<Rename> tables;
    QList<Rename> columns;
    QList<Rename> enums;
    QList<Rename> sequences;
    QList<Rename> views;
    QList<Rename> policies;   // policies on tables; linked policies use table = "schema.table" text
    QList<Rename> roles;      // name only

    bool isEmpty() const;
    // The decisions for the way back (to -> from): every pair swapped, and the tables that
    // columns and policies name mapped back through the table renames and moves.
    RenameDecisions inverted() const;

    bool operator==(const RenameDecisions &) const = default;
};

} // namespace strata

Q_DECLARE_METATYPE(strata::RenameDecisions)
