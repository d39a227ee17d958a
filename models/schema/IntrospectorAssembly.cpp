// Introspector::assemble(): the catalog rows of queries() into a Schema. Pure; needs no server.
#include "Introspector.h"

#include "CatalogRows.h"
#include "DefaultSpelling.h"
#include "SnapshotTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <vector>

namespace strata {

namespace {

// PostgreSQL's default collation (DEFAULT_COLLATION_OID), named "default".
constexpr quint32 defaultCollation = 100;

QString quoteIdent(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// PostgreSQL orders names ("C" collation) by their UTF-8 bytes, which is code point order.
// UTF-16 order is the same except for surrogates (U+10000 and up), which must sort after
// U+E000…U+FFFF: moving the first differing unit's range fixes that, without converting.
bool nameLess(const QString &a, const QString &b)
{
    auto codePointRank = [](char16_t unit) -> char16_t {
        if (unit >= 0xE000)
            return char16_t(unit - 0x800);
        if (unit >= 0xD800)
            return char16_t(unit + 0x2000);
        return unit;
    };
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        const char16_t x = a.at(i).unicode();
        const char16_t y = b.at(i).unicode();
        if (x != y)
            return codePointRank(x) < codePointRank(y);
    }
    return a.size() < b.size();
}

template <typename T>
void sortByName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) { return nameLess(a.name, b.name); });
}

template <typename T>
void sortBySchemaAndName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) {
        if (a.schema != b.schema)
            return nameLess(a.schema, b.schema);
        return nameLess(a.name, b.name);
    });
}

ForeignKeyAction actionFrom(const QString &code)
{
    switch (code.isEmpty() ? u'a' : code.front().unicode()) {
    case u'r': return ForeignKeyAction::Restrict;
    case u'c': return ForeignKeyAction::Cascade;
    case u'n': return ForeignKeyAction::SetNull;
    case u'd': return ForeignKeyAction::SetDefault;
    default: return ForeignKeyAction::NoAction;
    }
}

QString policyCommand(const QString &code)
{
    switch (code.isEmpty() ? u'*' : code.front().unicode()) {
    case u'r': return QStringLiteral("SELECT");
    case u'a': return QStringLiteral("INSERT");
    case u'w': return QStringLiteral("UPDATE");
    case u'd': return QStringLiteral("DELETE");
    default: return QStringLiteral("ALL");
    }
}

struct ColumnRow {
    int attnum = 0;
    quint32 collation = 0;
    Column column;
};

// Where a relation's rows go while the model is built: a table or a view, by relid.
struct Owner {
    bool isView = false;
    qsizetype index = 0;
    std::vector<ColumnRow> rows;  // as the columns step returns them, in no order
    // Once the columns are on the table or view, in attnum order: each one's attnum and
    // collation oid, at the same positions.
    QList<int> attnums;
    QList<quint32> collations;

    qsizetype position(qint64 attnum) const
    {
        const auto found = std::lower_bound(attnums.cbegin(), attnums.cend(), attnum);
        return found != attnums.cend() && *found == attnum ? found - attnums.cbegin() : -1;
    }
};

// The column names for attnums, in their order; one the relation lacks is left out, as the
// join it replaces would.
QStringList namesOf(const Owner &owner, const QList<Column> &columns, const QList<qint64> &attnums)
{
    QStringList names;
    names.reserve(attnums.size());
    for (const qint64 attnum : attnums) {
        const qsizetype position = owner.position(attnum);
        if (position >= 0)
            names << columns.at(position).name;
    }
    return names;
}

// A serial column's sequence is part of the column, the way drizzle sees it (type "serial",
// no sequence of its own), like an identity's: left out when the column's default is the
// nextval() PostgreSQL gives a serial, so a renamed or shared sequence stays listed.
void removeSerialSequences(Schema &schema)
{
    schema.sequences.removeIf([&](const Sequence &sequence) {
        for (const Table &table : std::as_const(schema.tables)) {
            if (table.schema != sequence.schema || !sequence.ownedBy.startsWith(table.name + QLatin1Char('.')))
                continue;
            const QString columnName = sequence.ownedBy.mid(table.name.size() + 1);
            const Column *column = table.column(columnName);
            if (column && column->defaultExpression
                && sequence.name == SnapshotTypes::objectName(table.name, columnName, QStringLiteral("seq"))
                && *column->defaultExpression == SnapshotTypes::serialDefault(table.schema, table.name, columnName))
                return true;
        }
        return false;
    });
}

// drizzle-orm's bookkeeping table, its serial's sequence, and then its schema if that holds
// nothing else.
void removeDrizzleBookkeeping(Schema &schema, const QStringList &tableNames)
{
    QStringList emptiedSchemas;
    for (qsizetype t = schema.tables.size() - 1; t >= 0; --t) {
        const Table table = schema.tables.at(t);
        if (!tableNames.contains(table.name))
            continue;
        schema.tables.removeAt(t);
        schema.sequences.removeIf([&](const Sequence &sequence) {
            if (sequence.schema != table.schema)
                return false;
            return std::any_of(table.columns.cbegin(), table.columns.cend(), [&](const Column &column) {
                return sequence.ownedBy == table.name + QLatin1Char('.') + column.name;
            });
        });
        emptiedSchemas << table.schema;
    }
    for (const QString &name : emptiedSchemas) {
        auto inSchema = [&](const auto &item) { return item.schema == name; };
        const bool used = std::any_of(schema.tables.cbegin(), schema.tables.cend(), inSchema)
            || std::any_of(schema.views.cbegin(), schema.views.cend(), inSchema)
            || std::any_of(schema.enums.cbegin(), schema.enums.cend(), inSchema)
            || std::any_of(schema.sequences.cbegin(), schema.sequences.cend(), inSchema);
        if (!used)
            schema.schemas.removeAll(name);
    }
}

// Builds the model; the steps' rows come in no particular order.
class Assembly
{
public:
    Assembly(const QList<QueryResult> &results, Schema &schema) : m_results(results), m_schema(schema) {}

    void readSchemas();
    void readRelations();
    void readColumns();
    void readSequences();
    void spellDefaults();
    void readConstraints();
    void readIndexes();
    void readEnums();
    void readPolicies();

private:
    Owner *ownerOf(quint32 relid)
    {
        const auto found = m_owners.find(relid);
        return found == m_owners.end() ? nullptr : &found.value();
    }
    QList<Column> &columnsOf(const Owner &owner)
    {
        return owner.isView ? m_schema.views[owner.index].columns : m_schema.tables[owner.index].columns;
    }
    Table *tableOf(const Owner *owner) { return owner && !owner->isView ? &m_schema.tables[owner->index] : nullptr; }
    Index indexFromJson(const CatalogRows &rows, int row, int keysColumn, qsizetype keyCount);

    const QList<QueryResult> &m_results;
    Schema &m_schema;
    QHash<quint32, Owner> m_owners;  // by relid
};

void Assembly::readSchemas()
{
    const CatalogRows rows(m_results[Introspector::Schemas]);
    const int name = rows.column("name");
    for (int r = 0; r < rows.count(); ++r) {
        QString schemaName = rows.text(r, name);
        if (schemaName != QLatin1String("public"))
            m_schema.schemas << std::move(schemaName);
    }
}

void Assembly::readRelations()
{
    const CatalogRows rows(m_results[Introspector::Relations]);
    const int relid = rows.column("relid"), schema = rows.column("schema"), name = rows.column("name"),
              kindColumn = rows.column("kind"), unlogged = rows.column("unlogged"),
              rlsEnabled = rows.column("rls_enabled"), rlsForced = rows.column("rls_forced"),
              partitionKey = rows.column("partition_key"), parentSchema = rows.column("parent_schema"),
              parentName = rows.column("parent_name"), partitionBound = rows.column("partition_bound"),
              options = rows.column("options"), tablespace = rows.column("tablespace"),
              accessMethod = rows.column("access_method"), populated = rows.column("populated"),
              definition = rows.column("definition"), comment = rows.column("comment");
    m_owners.reserve(rows.count());
    for (int r = 0; r < rows.count(); ++r) {
        const QString kind = rows.text(r, kindColumn);
        Owner owner;
        if (kind == QLatin1String("v") || kind == QLatin1String("m")) {
            View view;
            view.schema = rows.text(r, schema);
            view.name = rows.text(r, name);
            view.materialized = kind == QLatin1String("m");
            view.definition = rows.text(r, definition);
            view.with = rows.options(r, options);
            view.withNoData = view.materialized && !rows.flag(r, populated);
            view.tablespace = rows.text(r, tablespace);
            if (view.materialized)
                view.usingMethod = rows.text(r, accessMethod);
            view.comment = rows.text(r, comment);
            owner.isView = true;
            owner.index = m_schema.views.size();
            m_schema.views.append(std::move(view));
        } else {
            Table table;
            table.schema = rows.text(r, schema);
            table.name = rows.text(r, name);
            table.kind = kind == QLatin1String("p") ? Table::Kind::Partitioned : Table::Kind::Regular;
            table.partitionKey = rows.text(r, partitionKey);
            if (!rows.isNull(r, parentName)) {
                table.partitionOf = quoteIdent(rows.text(r, parentSchema)) + QLatin1Char('.')
                    + quoteIdent(rows.text(r, parentName));
                table.partitionBound = rows.text(r, partitionBound);
            }
            table.unlogged = rows.flag(r, unlogged);
            table.rlsEnabled = rows.flag(r, rlsEnabled);
            table.rlsForced = rows.flag(r, rlsForced);
            table.with = rows.options(r, options);
            table.comment = rows.text(r, comment);
            owner.index = m_schema.tables.size();
            m_schema.tables.append(std::move(table));
        }
        m_owners.insert(rows.oid(r, relid), std::move(owner));
    }
}

// Columns go onto their table or view in attnum order; rows of relations not read are dropped.
void Assembly::readColumns()
{
    const CatalogRows rows(m_results[Introspector::Columns]);
    const int relid = rows.column("relid"), attnum = rows.column("attnum"), name = rows.column("name"),
              type = rows.column("type"), typeSchema = rows.column("type_schema"),
              dimensions = rows.column("dimensions"), notNull = rows.column("not_null"),
              defaultExpr = rows.column("default_expr"), generatedExpr = rows.column("generated_expr"),
              identityColumn = rows.column("identity"), collation = rows.column("collation"),
              collationSchema = rows.column("collation_schema"), collationOid = rows.column("collation_oid"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r) {
        Owner *owner = ownerOf(rows.oid(r, relid));
        if (!owner)
            continue;
        ColumnRow row;
        row.attnum = int(rows.number(r, attnum));
        row.collation = rows.oid(r, collationOid);
        Column &column = row.column;
        column.name = rows.text(r, name);
        column.type = rows.text(r, type);
        column.typeSchema = rows.text(r, typeSchema);
        column.arrayDimensions = int(rows.number(r, dimensions));
        column.notNull = rows.flag(r, notNull);
        if (!rows.isNull(r, defaultExpr))
            column.defaultExpression = rows.text(r, defaultExpr);
        if (!rows.isNull(r, generatedExpr))
            column.generatedExpression = rows.text(r, generatedExpr);
        const QString identity = rows.text(r, identityColumn);
        if (identity == QLatin1String("a") || identity == QLatin1String("d")) {
            column.identity = Identity{};
            column.identity->kind = identity == QLatin1String("a") ? Identity::Kind::Always : Identity::Kind::ByDefault;
        }
        column.collation = rows.text(r, collation);
        column.collationSchema = rows.text(r, collationSchema);
        column.comment = rows.text(r, comment);
        owner->rows.push_back(std::move(row));
    }

    for (Owner &owner : m_owners) {
        std::sort(owner.rows.begin(), owner.rows.end(),
                  [](const ColumnRow &a, const ColumnRow &b) { return a.attnum < b.attnum; });
        QList<Column> &columns = columnsOf(owner);
        columns.reserve(qsizetype(owner.rows.size()));
        owner.attnums.reserve(qsizetype(owner.rows.size()));
        owner.collations.reserve(qsizetype(owner.rows.size()));
        for (ColumnRow &row : owner.rows) {
            columns.append(std::move(row.column));
            owner.attnums.append(row.attnum);
            owner.collations.append(row.collation);
        }
        owner.rows = {};
    }
}

void Assembly::readSequences()
{
    const CatalogRows rows(m_results[Introspector::Sequences]);
    const int schema = rows.column("schema"), name = rows.column("name"), dataType = rows.column("data_type"),
              increment = rows.column("increment"), start = rows.column("start"),
              minValue = rows.column("min_value"), maxValue = rows.column("max_value"), cache = rows.column("cache"),
              cycle = rows.column("cycle"), ownerKind = rows.column("owner_kind"),
              ownerRelid = rows.column("owner_relid"), ownerAttnum = rows.column("owner_attnum"),
              ownerTable = rows.column("owner_table"), ownerColumn = rows.column("owner_column"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r) {
        const QString kind = rows.text(r, ownerKind);
        if (kind == QLatin1String("i")) {
            // Identity sequences live on their column only.
            const Owner *owner = ownerOf(rows.oid(r, ownerRelid));
            const qsizetype position = owner ? owner->position(rows.number(r, ownerAttnum)) : -1;
            if (position < 0)
                continue;
            Column &column = columnsOf(*owner)[position];
            if (!column.identity)
                continue;
            Identity &identity = *column.identity;
            identity.sequenceName = rows.text(r, name);
            identity.sequenceSchema = rows.text(r, schema);
            identity.increment = rows.number(r, increment);
            identity.start = rows.number(r, start);
            identity.minValue = rows.number(r, minValue);
            identity.maxValue = rows.number(r, maxValue);
            identity.cache = rows.number(r, cache);
            identity.cycle = rows.flag(r, cycle);
            continue;
        }
        Sequence sequence;
        sequence.schema = rows.text(r, schema);
        sequence.name = rows.text(r, name);
        sequence.dataType = rows.text(r, dataType);
        sequence.increment = rows.number(r, increment);
        sequence.start = rows.number(r, start);
        sequence.minValue = rows.number(r, minValue);
        sequence.maxValue = rows.number(r, maxValue);
        sequence.cache = rows.number(r, cache);
        sequence.cycle = rows.flag(r, cycle);
        if (kind == QLatin1String("a") && !rows.isNull(r, ownerColumn))
            sequence.ownedBy = rows.text(r, ownerTable) + QLatin1Char('.') + rows.text(r, ownerColumn);
        sequence.comment = rows.text(r, comment);
        m_schema.sequences.append(std::move(sequence));
    }
}

void Assembly::spellDefaults()
{
    for (Table &table : m_schema.tables) {
        for (Column &column : table.columns) {
            if (!column.defaultExpression)
                continue;
            // A serial's default stays as PostgreSQL prints it: it is what marks the column serial.
            if (SnapshotTypes::looksLikeSerialDefault(*column.defaultExpression)
                && *column.defaultExpression == SnapshotTypes::serialDefault(table.schema, table.name, column.name))
                continue;
            column.defaultExpression = DefaultSpelling::fromServer(*column.defaultExpression, column);
        }
    }
}

void Assembly::readConstraints()
{
    const CatalogRows rows(m_results[Introspector::Constraints]);
    const int relid = rows.column("relid"), nameColumn = rows.column("name"), typeColumn = rows.column("type"),
              keyAttnums = rows.column("key_attnums"), targetRelid = rows.column("target_relid"),
              targetSchema = rows.column("target_schema"), targetTable = rows.column("target_table"),
              targetAttnums = rows.column("target_attnums"), targetColumns = rows.column("target_columns"),
              deleteSetAttnums = rows.column("delete_set_attnums"), onUpdate = rows.column("on_update"),
              onDelete = rows.column("on_delete"), matchType = rows.column("match_type"),
              deferrable = rows.column("deferrable"), deferred = rows.column("deferred"),
              validated = rows.column("validated"), expression = rows.column("expression"),
              nullsNotDistinct = rows.column("nulls_not_distinct");
    for (int r = 0; r < rows.count(); ++r) {
        const Owner *owner = ownerOf(rows.oid(r, relid));
        Table *table = tableOf(owner);
        if (!table)
            continue;
        const QString type = rows.text(r, typeColumn);
        const QString name = rows.text(r, nameColumn);
        if (type == QLatin1String("p")) {
            table->primaryKey = PrimaryKey{name, namesOf(*owner, table->columns, rows.numbers(r, keyAttnums))};
        } else if (type == QLatin1String("u")) {
            UniqueConstraint unique;
            unique.name = name;
            unique.columns = namesOf(*owner, table->columns, rows.numbers(r, keyAttnums));
            unique.nullsNotDistinct = rows.flag(r, nullsNotDistinct);
            unique.deferrable = rows.flag(r, deferrable);
            unique.initiallyDeferred = rows.flag(r, deferred);
            table->uniqueConstraints.append(std::move(unique));
        } else if (type == QLatin1String("f")) {
            ForeignKey key;
            key.name = name;
            key.columns = namesOf(*owner, table->columns, rows.numbers(r, keyAttnums));
            key.targetSchema = rows.text(r, targetSchema);
            key.targetTable = rows.text(r, targetTable);
            // A target that was read has its columns here; the query names the others'.
            if (!rows.isNull(r, targetColumns)) {
                key.targetColumns = rows.strings(r, targetColumns);
            } else if (const Owner *target = ownerOf(rows.oid(r, targetRelid))) {
                key.targetColumns = namesOf(*target, columnsOf(*target), rows.numbers(r, targetAttnums));
            }
            key.onUpdate = actionFrom(rows.text(r, onUpdate));
            key.onDelete = actionFrom(rows.text(r, onDelete));
            key.onDeleteSetColumns = namesOf(*owner, table->columns, rows.numbers(r, deleteSetAttnums));
            key.matchFull = rows.text(r, matchType) == QLatin1String("f");
            key.deferrable = rows.flag(r, deferrable);
            key.initiallyDeferred = rows.flag(r, deferred);
            key.notValid = !rows.flag(r, validated);
            table->foreignKeys.append(std::move(key));
        } else if (type == QLatin1String("c")) {
            table->checks.append(CheckConstraint{name, rows.text(r, expression), !rows.flag(r, validated)});
        }
    }
}

// An index whose keys the query spelled out: an expression, an opclass or a collation to name.
Index Assembly::indexFromJson(const CatalogRows &rows, int row, int keysColumn, qsizetype keyCount)
{
    Index index;
    const QJsonArray keys = rows.array(row, keysColumn);
    for (qsizetype k = 0; k < keys.size(); ++k) {
        const QJsonObject key = keys.at(k).toObject();
        if (k >= keyCount) {
            index.include << key.value(QLatin1String("column")).toString();
            continue;
        }
        IndexKey out;
        const QJsonValue expression = key.value(QLatin1String("expression"));
        out.isExpression = expression.isString();
        out.expression = out.isExpression ? expression.toString() : key.value(QLatin1String("column")).toString();
        // indoption bit 0: DESC; bit 1: NULLS FIRST. The default is NULLS LAST for ASC
        // and NULLS FIRST for DESC; only the other choice is worth saying.
        const int option = key.value(QLatin1String("option")).toInt();
        out.descending = option & 1;
        const bool nullsFirst = option & 2;
        if (nullsFirst != out.descending)
            out.nulls = nullsFirst ? IndexKey::Nulls::First : IndexKey::Nulls::Last;
        out.opclass = key.value(QLatin1String("opclass")).toString();
        out.collation = key.value(QLatin1String("collation")).toString();
        index.keys.append(out);
    }
    return index;
}

void Assembly::readIndexes()
{
    const CatalogRows rows(m_results[Introspector::Indexes]);
    const int relid = rows.column("relid"), name = rows.column("name"), isUnique = rows.column("is_unique"),
              nullsNotDistinct = rows.column("nulls_not_distinct"), method = rows.column("method"),
              keyCountColumn = rows.column("key_count"), keyAttnums = rows.column("key_attnums"),
              keyOptions = rows.column("key_options"), keyCollations = rows.column("key_collations"),
              keys = rows.column("keys"), predicate = rows.column("predicate"), options = rows.column("options");
    for (int r = 0; r < rows.count(); ++r) {
        const Owner *owner = ownerOf(rows.oid(r, relid));
        if (!owner)
            continue;
        const qsizetype keyCount = rows.number(r, keyCountColumn);
        Index index;
        if (!rows.isNull(r, keys)) {
            index = indexFromJson(rows, r, keys, keyCount);
        } else {
            // Plain columns, default opclasses, and collations that are none or "default".
            const QList<Column> &columns = columnsOf(*owner);
            const QList<qint64> attnums = rows.numbers(r, keyAttnums);
            const QList<qint64> keyOptionValues = rows.numbers(r, keyOptions);
            const QList<qint64> collations = rows.numbers(r, keyCollations);
            for (qsizetype k = 0; k < attnums.size(); ++k) {
                const qsizetype position = owner->position(attnums.at(k));
                const QString column = position >= 0 ? columns.at(position).name : QString();
                if (k >= keyCount) {
                    index.include << column;
                    continue;
                }
                IndexKey out;
                out.expression = column;
                const qint64 option = keyOptionValues.value(k);
                out.descending = option & 1;
                const bool nullsFirst = option & 2;
                if (nullsFirst != out.descending)
                    out.nulls = nullsFirst ? IndexKey::Nulls::First : IndexKey::Nulls::Last;
                const quint32 collation = quint32(collations.value(k));
                if (collation == defaultCollation && position >= 0 && owner->collations.at(position) != collation)
                    out.collation = QStringLiteral("default");
                index.keys.append(out);
            }
        }
        index.name = rows.text(r, name);
        index.unique = rows.flag(r, isUnique);
        index.nullsNotDistinct = rows.flag(r, nullsNotDistinct);
        index.method = rows.text(r, method);
        index.where = rows.text(r, predicate);
        index.with = rows.options(r, options);
        if (owner->isView)
            m_schema.views[owner->index].indexes.append(std::move(index));
        else
            m_schema.tables[owner->index].indexes.append(std::move(index));
    }
}

void Assembly::readEnums()
{
    const CatalogRows rows(m_results[Introspector::Enums]);
    const int schema = rows.column("schema"), name = rows.column("name"), labels = rows.column("labels"),
              comment = rows.column("comment");
    for (int r = 0; r < rows.count(); ++r) {
        Enum type;
        type.schema = rows.text(r, schema);
        type.name = rows.text(r, name);
        type.values = rows.strings(r, labels);
        type.comment = rows.text(r, comment);
        m_schema.enums.append(std::move(type));
    }
}

void Assembly::readPolicies()
{
    const CatalogRows rows(m_results[Introspector::Policies]);
    const int relid = rows.column("relid"), name = rows.column("name"), permissive = rows.column("permissive"),
              command = rows.column("command"), roles = rows.column("roles"), usingExpr = rows.column("using_expr"),
              checkExpr = rows.column("check_expr");
    for (int r = 0; r < rows.count(); ++r) {
        Table *table = tableOf(ownerOf(rows.oid(r, relid)));
        if (!table)
            continue;
        Policy policy;
        policy.name = rows.text(r, name);
        policy.permissive = rows.flag(r, permissive);
        policy.command = policyCommand(rows.text(r, command));
        policy.roles = rows.strings(r, roles);
        if (policy.roles == QStringList{QStringLiteral("public")})
            policy.roles.clear();  // the model's way of saying TO PUBLIC
        policy.usingExpression = rows.text(r, usingExpr);
        policy.withCheckExpression = rows.text(r, checkExpr);
        table->policies.append(std::move(policy));
    }
}

} // namespace

Schema Introspector::assemble(const QList<QueryResult> &results, const IntrospectOptions &options)
{
    Schema schema;
    if (results.size() < StepCount)
        return schema;

    Assembly assembly(results, schema);
    assembly.readSchemas();
    assembly.readRelations();
    assembly.readColumns();
    assembly.readSequences();  // identities first: a column's default is spelled knowing it
    assembly.spellDefaults();
    assembly.readConstraints();
    assembly.readIndexes();
    assembly.readEnums();
    assembly.readPolicies();

    removeSerialSequences(schema);
    if (!options.includeDrizzleSchema)
        removeDrizzleBookkeeping(schema, {options.drizzleMigrationsTable, options.strataRunsTable});

    std::stable_sort(schema.schemas.begin(), schema.schemas.end(), nameLess);
    sortBySchemaAndName(schema.tables);
    sortBySchemaAndName(schema.enums);
    sortBySchemaAndName(schema.sequences);
    sortBySchemaAndName(schema.views);
    for (Table &table : schema.tables) {
        sortByName(table.uniqueConstraints);
        sortByName(table.foreignKeys);
        sortByName(table.checks);
        sortByName(table.indexes);
        sortByName(table.policies);
    }
    for (View &view : schema.views)
        sortByName(view.indexes);
    return schema;
}

} // namespace strata
