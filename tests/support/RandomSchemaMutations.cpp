// RandomSchema's mutations, kept apart from generation to keep each file short.
#include "RandomSchema.h"

#include "schema/SnapshotTypes.h"

#include <algorithm>

namespace strata::test {

namespace {

bool isInteger(const Column &column)
{
    return column.typeSchema.isEmpty() && column.arrayDimensions == 0
           && (column.type == QLatin1String("integer") || column.type == QLatin1String("bigint")
               || column.type == QLatin1String("smallint"));
}

bool isSerial(const Column &column, const Table &table)
{
    return column.defaultExpression
           && *column.defaultExpression == SnapshotTypes::serialDefault(table.schema, table.name, column.name);
}

bool inForeignKey(const Schema &schema, const Table &table, const QString &column)
{
    for (const ForeignKey &key : table.foreignKeys) {
        if (key.columns.contains(column))
            return true;
    }
    for (const Table &other : schema.tables) {
        for (const ForeignKey &key : other.foreignKeys) {
            if (key.targetSchema == table.schema && key.targetTable == table.name && key.targetColumns.contains(column))
                return true;
        }
    }
    return false;
}

bool inCheck(const Table &table, const QString &column)
{
    for (const CheckConstraint &check : table.checks) {
        if (check.expression.contains(SnapshotTypes::quoteIdentifier(column)))
            return true;
    }
    return false;
}

// Types reachable from a column's type by a plain SET DATA TYPE and back.
QStringList familyOf(const QString &type)
{
    static const QList<QStringList> families{
        {QStringLiteral("integer"), QStringLiteral("bigint"), QStringLiteral("smallint"), QStringLiteral("numeric(12,3)"),
         QStringLiteral("numeric"), QStringLiteral("real"), QStringLiteral("double precision")},
        {QStringLiteral("text"), QStringLiteral("character varying(40)"), QStringLiteral("character varying")},
        {QStringLiteral("timestamp without time zone"), QStringLiteral("timestamp with time zone"),
         QStringLiteral("timestamp(3) without time zone"), QStringLiteral("date")},
    };
    for (const QStringList &family : families) {
        if (family.contains(type))
            return family;
    }
    return {};
}

} // namespace

Schema RandomSchema::mutate(const Schema &from)
{
    Schema schema = from;
    for (int i = between(1, 6); i > 0; --i)
        mutateOnce(schema, from);
    normalize(schema);
    return schema;
}

void RandomSchema::mutateOnce(Schema &schema, const Schema &original)
{
    QStringList namespaces{QStringLiteral("public")};
    namespaces << schema.schemas;
    const int what = between(1, 100);
    if (what <= 8) {
        schema.tables << table(schema, pick(namespaces));
        return;
    }
    if (what <= 12) {
        if (schema.tables.size() > 1)
            dropTable(schema, between(0, int(schema.tables.size()) - 1));
        return;
    }
    if (what <= 18) {
        mutateEnum(schema);
        return;
    }
    if (what <= 21) {
        // A namespace added with a table in it, or one taken away with all it holds.
        if (schema.schemas.isEmpty()) {
            const QString added = name("ns");
            schema.schemas << added;
            schema.tables << table(schema, added);
        } else {
            const QString gone = schema.schemas.takeFirst();
            for (int i = int(schema.tables.size()) - 1; i >= 0; --i) {
                if (schema.tables.at(i).schema == gone)
                    dropTable(schema, i);
            }
            schema.sequences.removeIf([&](const Sequence &s) { return s.schema == gone; });
            // Enums there go with the columns that use them.
            for (Table &table : schema.tables) {
                const QList<Column> columns = table.columns;
                for (const Column &column : columns) {
                    if (column.typeSchema == gone)
                        dropColumn(schema, table, column.name);
                }
            }
            schema.enums.removeIf([&](const Enum &e) { return e.schema == gone; });
        }
        return;
    }
    if (what <= 25) {
        if (schema.sequences.isEmpty() || chance(40)) {
            schema.sequences << sequence(pick(namespaces));
        } else if (chance(50)) {
            schema.sequences.removeAt(between(0, int(schema.sequences.size()) - 1));
        } else {
            Sequence &changed = schema.sequences[between(0, int(schema.sequences.size()) - 1)];
            const Sequence other = sequence(changed.schema);
            changed.increment = other.increment;
            changed.cache = other.cache;
            changed.cycle = other.cycle;
            changed.start = std::clamp(other.start, changed.minValue, changed.maxValue);
        }
        return;
    }
    if (schema.tables.isEmpty())
        return;
    Table &table = schema.tables[between(0, int(schema.tables.size()) - 1)];
    const Table *before = original.table(table.schema, table.name);
    // Columns whose type is not what it was: a check on them would be re-spelled.
    QSet<QString> frozen;
    for (const Column &column : table.columns) {
        const Column *old = before ? before->column(column.name) : nullptr;
        if (old && (old->type != column.type || old->typeSchema != column.typeSchema))
            frozen.insert(column.name);
    }
    Column &column = table.columns[between(0, int(table.columns.size()) - 1)];
    const bool plain = !column.identity && !isSerial(column, table);
    const bool inKey = table.primaryKey && table.primaryKey->columns.contains(column.name);
    if (what <= 36) {
        table.columns << this->column(schema, table);
    } else if (what <= 43) {
        if (table.columns.size() > 1)
            dropColumn(schema, table, column.name);
    } else if (what <= 53) {
        if (plain)
            changeType(schema, table, column, original);
    } else if (what <= 59) {
        if (plain && !inKey)
            column.notNull = !column.notNull;
    } else if (what <= 66) {
        if (plain)
            column.defaultExpression = chance(30) ? std::nullopt : defaultFor(column, schema);
    } else if (what <= 71) {
        // Identity added to or taken from an integer column.
        if (column.identity) {
            column.identity.reset();
            if (!inKey && chance(50))
                column.notNull = false;
        } else if (plain && isInteger(column) && !inForeignKey(schema, table, column.name)) {
            Identity identity;
            identity.kind = chance(50) ? Identity::Kind::Always : Identity::Kind::ByDefault;
            identity.sequenceName = SnapshotTypes::objectName(table.name, column.name, QStringLiteral("seq"));
            identity.sequenceSchema = table.schema;
            identity.increment = 1;
            identity.minValue = 1;
            identity.maxValue = column.type == QLatin1String("smallint") ? 32767
                                : column.type == QLatin1String("integer") ? 2147483647
                                                                          : 9223372036854775807LL;
            identity.start = 1;
            identity.cache = 1;
            column.identity = identity;
            column.notNull = true;
            column.defaultExpression.reset();
        }
    } else if (what <= 77) {
        // Primary key added, dropped or moved.
        if (table.primaryKey) {
            const QStringList old = table.primaryKey->columns;
            dropKeyReferences(schema, table, old);
            Table &same = *const_cast<Table *>(schema.table(table.schema, table.name));
            same.primaryKey.reset();
            if (chance(50)) {
                addPrimaryKey(same);
                if (same.primaryKey && isReferenced(schema, same, same.primaryKey->columns))
                    same.primaryKey.reset();
            }
        } else {
            addPrimaryKey(table);
            if (table.primaryKey && isReferenced(schema, table, table.primaryKey->columns))
                table.primaryKey.reset();  // a second key under a foreign key (keyCount())
        }
    } else if (what <= 82) {
        if (!table.uniqueConstraints.isEmpty() && chance(50)) {
            const UniqueConstraint gone = table.uniqueConstraints.at(between(0, int(table.uniqueConstraints.size()) - 1));
            dropKeyReferences(schema, table, gone.columns);
            Table &same = *const_cast<Table *>(schema.table(table.schema, table.name));
            same.uniqueConstraints.removeIf([&](const UniqueConstraint &u) { return u.name == gone.name; });
        } else {
            addUnique(table);
            if (!table.uniqueConstraints.isEmpty() && isReferenced(schema, table, table.uniqueConstraints.last().columns))
                table.uniqueConstraints.removeLast();  // a second key under a foreign key (keyCount())
        }
    } else if (what <= 88) {
        if (!table.foreignKeys.isEmpty() && chance(50)) {
            ForeignKey &key = table.foreignKeys[between(0, int(table.foreignKeys.size()) - 1)];
            if (chance(50))
                table.foreignKeys.removeIf([&](const ForeignKey &k) { return k.name == key.name; });
            else
                key.onDelete = chance(50) ? ForeignKeyAction::Cascade : ForeignKeyAction::NoAction;
        } else {
            Table copy = table;
            if (addForeignKey(schema, copy, &original))
                table = copy;
        }
    } else if (what <= 94) {
        if (!table.indexes.isEmpty() && chance(50)) {
            Index &index = table.indexes[between(0, int(table.indexes.size()) - 1)];
            if (chance(50))
                table.indexes.removeIf([&](const Index &i) { return i.name == index.name; });
            else
                index.keys.first().descending = !index.keys.first().descending;
        } else {
            addIndex(table);
        }
    } else {
        if (!table.checks.isEmpty() && chance(50))
            table.checks.removeAt(between(0, int(table.checks.size()) - 1));
        else
            addCheck(table, frozen);
    }
}

void RandomSchema::dropTable(Schema &schema, int index)
{
    const Table gone = schema.tables.takeAt(index);
    for (Table &table : schema.tables) {
        table.foreignKeys.removeIf([&](const ForeignKey &key) {
            return key.targetSchema == gone.schema && key.targetTable == gone.name;
        });
    }
}

void RandomSchema::dropKeyReferences(Schema &schema, const Table &table, const QStringList &keyColumns)
{
    const QString tableSchema = table.schema;
    const QString tableName = table.name;
    for (Table &other : schema.tables) {
        other.foreignKeys.removeIf([&](const ForeignKey &key) {
            return key.targetSchema == tableSchema && key.targetTable == tableName && key.targetColumns == keyColumns;
        });
    }
}

void RandomSchema::dropColumn(Schema &schema, Table &table, const QString &column)
{
    // Whatever uses the column goes with it, as PostgreSQL's DROP COLUMN takes it too.
    if (table.primaryKey && table.primaryKey->columns.contains(column)) {
        dropKeyReferences(schema, table, table.primaryKey->columns);
        table.primaryKey.reset();
    }
    for (const UniqueConstraint &unique : QList<UniqueConstraint>(table.uniqueConstraints)) {
        if (unique.columns.contains(column))
            dropKeyReferences(schema, table, unique.columns);
    }
    table.uniqueConstraints.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(column); });
    table.indexes.removeIf([&](const Index &index) {
        return std::any_of(index.keys.begin(), index.keys.end(), [&](const IndexKey &key) { return key.expression == column; });
    });
    table.checks.removeIf([&](const CheckConstraint &check) {
        return check.expression.contains(SnapshotTypes::quoteIdentifier(column));
    });
    table.foreignKeys.removeIf([&](const ForeignKey &key) { return key.columns.contains(column); });
    for (Table &other : schema.tables) {
        other.foreignKeys.removeIf([&](const ForeignKey &key) {
            return key.targetSchema == table.schema && key.targetTable == table.name && key.targetColumns.contains(column);
        });
    }
    table.columns.removeIf([&](const Column &c) { return c.name == column; });
}

void RandomSchema::changeType(Schema &schema, Table &table, Column &column, const Schema &original)
{
    // Never under a foreign key (both ends must match) or a check (PostgreSQL re-spells it).
    const Table *before = original.table(table.schema, table.name);
    if (inForeignKey(schema, table, column.name) || inForeignKey(original, table, column.name)
        || inCheck(table, column.name) || (before && inCheck(*before, column.name)))
        return;
    QStringList choices;
    if (column.typeSchema.isEmpty())
        choices = familyOf(column.type);
    const bool enumOrText = column.arrayDimensions == 0
                            && (!column.typeSchema.isEmpty() || column.type == QLatin1String("text"));
    if (choices.isEmpty() && !enumOrText)
        return;
    if (enumOrText && !schema.enums.isEmpty() && (choices.isEmpty() || chance(40))) {
        const Enum &target = pick(schema.enums);
        if (column.typeSchema.isEmpty() || chance(50)) {
            column.type = target.name;
            column.typeSchema = target.schema;
        } else {
            column.type = QStringLiteral("text");
            column.typeSchema.clear();
        }
    } else if (!choices.isEmpty()) {
        column.type = pick(choices);
    } else {
        column.type = QStringLiteral("text");
        column.typeSchema.clear();
    }
    // The old default may not suit the new type.
    column.defaultExpression = chance(50) ? defaultFor(column, schema) : std::nullopt;
}

void RandomSchema::mutateEnum(Schema &schema)
{
    QStringList namespaces{QStringLiteral("public")};
    namespaces << schema.schemas;
    const int what = between(1, 100);
    if (schema.enums.isEmpty() || what <= 25) {
        schema.enums << enumType(pick(namespaces));
        return;
    }
    Enum &type = schema.enums[between(0, int(schema.enums.size()) - 1)];
    if (what <= 35) {
        // Dropped with the columns that use it.
        const Enum gone = type;
        for (Table &table : schema.tables) {
            const QList<Column> columns = table.columns;
            for (const Column &column : columns) {
                if (column.typeSchema == gone.schema && column.type == gone.name && table.columns.size() > 1)
                    dropColumn(schema, table, column.name);
            }
        }
        bool used = false;
        for (const Table &table : schema.tables) {
            for (const Column &column : table.columns)
                used = used || (column.typeSchema == gone.schema && column.type == gone.name);
        }
        if (!used)
            schema.enums.removeIf([&](const Enum &e) { return e.schema == gone.schema && e.name == gone.name; });
        return;
    }
    if (what <= 75 || type.values.size() < 2) {
        // Labels added, at the end or before another.
        for (int i = between(1, 2); i > 0; --i)
            type.values.insert(between(0, int(type.values.size())), label());
        return;
    }
    // A label removed: columns whose default is that label need another.
    const QString removed = type.values.takeAt(between(0, int(type.values.size()) - 1));
    QString quoted = removed;
    quoted = QLatin1Char('\'') + quoted.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
    const Enum now = type;
    for (Table &table : schema.tables) {
        for (Column &column : table.columns) {
            if (column.typeSchema == now.schema && column.type == now.name && column.defaultExpression == quoted)
                column.defaultExpression = defaultFor(column, schema);
        }
    }
}

} // namespace strata::test
