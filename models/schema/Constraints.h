#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

struct PrimaryKey {
    QString name;
    QStringList columns;

    bool operator==(const PrimaryKey &) const = default;
};

struct UniqueConstraint {
    QString name;
    QStringList columns;
    bool nullsNotDistinct = false;  // PostgreSQL 15+
    bool deferrable = false;
    bool initiallyDeferred = false;

    bool operator==(const UniqueConstraint &) const = default;
};

enum class ForeignKeyAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

struct ForeignKey {
    QString name;
    QStringList columns;
    QString targetSchema;
    QString targetTable;
    QStringList targetColumns;
    ForeignKeyAction onUpdate = ForeignKeyAction::NoAction;
    ForeignKeyAction onDelete = ForeignKeyAction::NoAction;
    QStringList onDeleteSetColumns;  // ON DELETE SET NULL/DEFAULT (cols), PostgreSQL 15+; empty = all
    bool matchFull = false;          // MATCH FULL; false = MATCH SIMPLE (the default)
    bool deferrable = false;
    bool initiallyDeferred = false;
    bool notValid = false;  // added NOT VALID and not validated since

    bool operator==(const ForeignKey &) const = default;
};

struct CheckConstraint {
    QString name;
    QString expression;  // without the CHECK ( … ) around it
    bool notValid = false;

    bool operator==(const CheckConstraint &) const = default;
};

// One key of an index: a column or an expression, with its ordering and operator class.
struct IndexKey {
    enum class Nulls { Default, First, Last };

    QString expression;  // the column name, or the expression's SQL text
    bool isExpression = false;
    bool descending = false;
    Nulls nulls = Nulls::Default;  // Default = PostgreSQL's default for the direction
    QString opclass;               // empty = the type's default operator class
    QString collation;             // empty = the column's

    bool operator==(const IndexKey &) const = default;
};

struct Index {
    QString name;
    bool unique = false;
    bool nullsNotDistinct = false;  // unique indexes, PostgreSQL 15+
    QString method = QStringLiteral("btree");
    QList<IndexKey> keys;
    QStringList include;                    // INCLUDE (…) columns
    QString where;                          // partial index predicate, empty for none
    QList<QPair<QString, QString>> with;    // storage parameters, in order
    bool concurrently = false;              // how drizzle asks for it to be created; not catalog state

    bool operator==(const Index &) const = default;
};

// A row-level security policy.
struct Policy {
    QString name;
    bool permissive = true;               // AS PERMISSIVE (default) or RESTRICTIVE
    QString command = QStringLiteral("ALL");  // ALL, SELECT, INSERT, UPDATE, DELETE
    QStringList roles;                    // empty = PUBLIC
    QString usingExpression;
    QString withCheckExpression;

    bool operator==(const Policy &) const = default;
};

} // namespace strata
