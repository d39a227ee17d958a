#pragma once

#include "schema/Schema.h"

#include <QSet>

#include <random>

namespace strata::test {

// Seeded random schemas for property tests of SchemaDiff and DdlWriter: a random schema,
// and a random variation of one, so that a pair shares most objects and its diff alters
// rather than only creating or dropping everything.
//
// Every schema it makes is one PostgreSQL accepts and reads back unchanged: names are
// unique across all relations and types (a counter near the start of each name, so that
// names PostgreSQL derives and shortens to 63 bytes stay unique too), foreign keys point at
// a key of the same types, key columns are NOT NULL, and defaults and check expressions are
// spelled the way the Introspector reads them back. The same seed gives the same schemas.
class RandomSchema
{
public:
    explicit RandomSchema(quint64 seed);

    Schema schema();
    Schema mutate(const Schema &from);

    // Sorts every list the way the Introspector orders it, so that models compare with ==.
    static void normalize(Schema &schema);

private:

    int between(int low, int high);  // inclusive
    bool chance(int percent);
    template<typename T>
    const T &pick(const QList<T> &list) { return list.at(between(0, int(list.size()) - 1)); }

    QString name(const char *kind);
    QString label();
    QString randomType(Column *column, const Schema &schema, const QString &tableSchema);
    Column column(const Schema &schema, const Table &table);
    std::optional<QString> defaultFor(const Column &column, const Schema &schema);
    Table table(const Schema &schema, const QString &tableSchema);
    Enum enumType(const QString &schema);
    Sequence sequence(const QString &schema);

    // Constraints and indexes over a table's current columns.
    void addPrimaryKey(Table &table);
    // The names of the columns a key can cover, in random order: a unique key or an index
    // takes the first few.
    QStringList shuffledKeyableColumns(const Table &table);
    void addUnique(Table &table);
    void addIndex(Table &table);
    void addCheck(Table &table, const QSet<QString> &frozen);
    bool addForeignKey(Schema &schema, Table &table, const Schema *original);

    // Keys (primary or unique) over exactly this set of columns. With more than one, a
    // foreign key binds to one of them, and dropping that one fails however the diff orders
    // it: such keys are never the target of a foreign key (a known limit of SchemaDiff).
    static int keyCount(const Table &table, const QStringList &columns);
    static bool isReferenced(const Schema &schema, const Table &table, const QStringList &columns);

    // Mutations of a schema; each keeps it valid.
    void mutateOnce(Schema &schema, const Schema &original);
    void dropTable(Schema &schema, int index);
    void dropColumn(Schema &schema, Table &table, const QString &column);
    void dropKeyReferences(Schema &schema, const Table &table, const QStringList &keyColumns);
    void changeType(Schema &schema, Table &table, Column &column, const Schema &original);
    void mutateEnum(Schema &schema);

    std::mt19937_64 m_random;
    int m_counter = 0;
};

} // namespace strata::test
