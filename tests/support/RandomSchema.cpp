#include "RandomSchema.h"

#include "schema/SnapshotTypes.h"

#include <algorithm>

namespace strata::test {

namespace {

// Types a column change may move between without USING: PostgreSQL has an assignment cast
// both ways inside each family (DdlWriter writes plain SET DATA TYPE for them).
enum class Family { None, Number, Text, Time, Integer };

struct BuiltIn {
    const char *type;
    Family family;
    bool keyable;  // has a btree operator class (json has none)
};

const BuiltIn builtIns[] = {
    {"integer", Family::Integer, true},
    {"bigint", Family::Integer, true},
    {"smallint", Family::Integer, true},
    {"numeric(12,3)", Family::Number, true},
    {"numeric", Family::Number, true},
    {"real", Family::Number, true},
    {"double precision", Family::Number, true},
    {"text", Family::Text, true},
    {"character varying(40)", Family::Text, true},
    {"character varying", Family::Text, true},
    {"character(5)", Family::None, true},
    {"boolean", Family::None, true},
    {"uuid", Family::None, true},
    {"jsonb", Family::None, true},
    {"json", Family::None, false},
    {"timestamp without time zone", Family::Time, true},
    {"timestamp with time zone", Family::Time, true},
    {"timestamp(3) without time zone", Family::Time, true},
    {"date", Family::Time, true},
    {"bytea", Family::None, true},
    {"inet", Family::None, true},
    {"interval", Family::None, true},
    {"time without time zone", Family::None, true},
};

const BuiltIn *builtIn(const QString &type)
{
    for (const BuiltIn &candidate : builtIns) {
        if (type == QLatin1String(candidate.type))
            return &candidate;
    }
    return nullptr;
}

bool isInteger(const Column &column)
{
    return column.typeSchema.isEmpty() && column.arrayDimensions == 0
           && (column.type == QLatin1String("integer") || column.type == QLatin1String("bigint")
               || column.type == QLatin1String("smallint"));
}

bool keyable(const Column &column)
{
    if (!column.typeSchema.isEmpty())
        return true;
    const BuiltIn *type = builtIn(column.type);
    return type && type->keyable;
}

// Fragments of hostile names: quotes, spaces, dots, upper case, unicode, reserved words.
const char *const hostile[] = {
    "select", "Order", "from", "user", "table", "we\"ird", "it's", "with space", "dot.ted", "UPPER",
    "MiXed", "Ünïcødé", "日本", "ß", "a-b", "$x", "null", "primary", "#hash", "tab\tbed",
};

template<typename T>
void sortByName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

template<typename T>
void sortBySchemaAndName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) {
        return a.schema != b.schema ? a.schema < b.schema : a.name < b.name;
    });
}

qint64 integerMax(const QString &type)
{
    if (type == QLatin1String("smallint"))
        return 32767;
    if (type == QLatin1String("integer"))
        return 2147483647;
    return 9223372036854775807LL;
}

} // namespace

int RandomSchema::keyCount(const Table &table, const QStringList &columns)
{
    QStringList wanted = columns;
    wanted.sort();
    int count = 0;
    const auto same = [&](QStringList other) {
        other.sort();
        return other == wanted;
    };
    if (table.primaryKey && same(table.primaryKey->columns))
        ++count;
    for (const UniqueConstraint &unique : table.uniqueConstraints)
        count += same(unique.columns) ? 1 : 0;
    return count;
}

bool RandomSchema::isReferenced(const Schema &schema, const Table &table, const QStringList &columns)
{
    QStringList wanted = columns;
    wanted.sort();
    for (const Table &other : schema.tables) {
        for (const ForeignKey &key : other.foreignKeys) {
            QStringList target = key.targetColumns;
            target.sort();
            if (key.targetSchema == table.schema && key.targetTable == table.name && target == wanted)
                return true;
        }
    }
    return false;
}

RandomSchema::RandomSchema(quint64 seed) : m_random(seed) {}

int RandomSchema::between(int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(m_random);
}

bool RandomSchema::chance(int percent)
{
    return between(1, 100) <= percent;
}

QString RandomSchema::name(const char *kind)
{
    // The counter comes early, so that names PostgreSQL shortens (<table>_pkey,
    // <table>_<column>_seq) stay unique, and no two objects ever share a name.
    const QString counter = QString::number(++m_counter);
    QString result;
    if (chance(35)) {
        const QString fragment = QString::fromUtf8(hostile[between(0, int(std::size(hostile)) - 1)]);
        result = chance(50) ? fragment + counter : QLatin1String(kind) + counter + QLatin1Char(' ') + fragment;
    } else {
        result = QLatin1String(kind) + counter;
    }
    if (chance(10)) {
        // Near the 63-byte limit, in two-byte characters now and then.
        const QString pad = chance(50) ? QStringLiteral("x") : QStringLiteral("é");
        while (result.toUtf8().size() + pad.toUtf8().size() <= 63)
            result += pad;
    }
    return result;
}

QString RandomSchema::label()
{
    static const char *const labels[] = {"draft", "it's", "with space", "UPPER", "Ünï", "select", "a,b", "\"q\"", "{x}"};
    return QString::fromUtf8(labels[between(0, int(std::size(labels)) - 1)]) + QString::number(++m_counter);
}

QString RandomSchema::randomType(Column *column, const Schema &schema, const QString &tableSchema)
{
    Q_UNUSED(tableSchema);
    column->typeSchema.clear();
    column->arrayDimensions = 0;
    if (!schema.enums.isEmpty() && chance(15)) {
        const Enum &type = pick(schema.enums);
        column->type = type.name;
        column->typeSchema = type.schema;
        column->arrayDimensions = chance(15) ? 1 : 0;
        return column->type;
    }
    if (chance(8)) {
        static const char *const elements[] = {"integer", "text", "bigint", "character varying(40)", "boolean"};
        column->type = QLatin1String(elements[between(0, int(std::size(elements)) - 1)]);
        column->arrayDimensions = 1;
        return column->type;
    }
    column->type = QLatin1String(builtIns[between(0, int(std::size(builtIns)) - 1)].type);
    return column->type;
}

std::optional<QString> RandomSchema::defaultFor(const Column &column, const Schema &schema)
{
    // Spelled as the Introspector reads each back (DefaultSpelling).
    if (!column.typeSchema.isEmpty()) {
        const Enum *type = schema.enumType(column.typeSchema, column.type);
        if (!type || type->values.isEmpty() || column.arrayDimensions > 0)
            return std::nullopt;
        QString value = pick(type->values);
        return QLatin1Char('\'') + value.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
    }
    if (column.arrayDimensions > 0) {
        if (column.type == QLatin1String("integer") || column.type == QLatin1String("bigint"))
            return chance(50) ? QStringLiteral("'{}'") : QStringLiteral("'{1,2}'");
        if (column.type == QLatin1String("boolean"))
            return QStringLiteral("'{true,false}'");
        // Strings only where the elements are text; any other element type gets the empty array.
        const bool text = column.type == QLatin1String("text") || column.type.startsWith(QLatin1String("varchar"))
                          || column.type.startsWith(QLatin1String("character"));
        return !text || chance(50) ? QStringLiteral("'{}'") : QStringLiteral("'{\"a b\",\"c\"}'");
    }
    const QString &type = column.type;
    if (isInteger(column) || type == QLatin1String("real") || type == QLatin1String("double precision"))
        return QString::number(between(-100, 1000));
    if (type == QLatin1String("numeric(12,3)"))
        return QStringLiteral("'%1.%2'").arg(between(-50, 500)).arg(between(100, 999));
    if (type == QLatin1String("numeric"))
        return QStringLiteral("'%1.5'").arg(between(0, 500));
    if (type == QLatin1String("text") || type.startsWith(QLatin1String("character varying"))) {
        static const char *const texts[] = {"''", "'hello'", "'it''s'", "'with space'", "'Ünï'"};
        return QString::fromUtf8(texts[between(0, int(std::size(texts)) - 1)]);
    }
    if (type == QLatin1String("boolean"))
        return chance(50) ? QStringLiteral("true") : QStringLiteral("false");
    if (type == QLatin1String("uuid"))
        return QStringLiteral("gen_random_uuid()");
    if (type == QLatin1String("jsonb"))
        return QStringLiteral("'{\"a\":1}'::jsonb");
    if (type.startsWith(QLatin1String("timestamp")))
        return QStringLiteral("now()");
    if (type == QLatin1String("date"))
        return QStringLiteral("'2024-01-02'");
    if (type == QLatin1String("inet"))
        return QStringLiteral("'10.0.0.1'");
    if (type == QLatin1String("interval"))
        return QStringLiteral("'1 day'");
    return std::nullopt;
}

Column RandomSchema::column(const Schema &schema, const Table &table)
{
    Column column;
    column.name = name("c");
    const int kind = between(1, 100);
    if (kind <= 6) {
        // serial: drizzle's serial, an integer with the default PostgreSQL gives it.
        static const char *const integers[] = {"integer", "bigint", "smallint"};
        column.type = QLatin1String(integers[between(0, 2)]);
        column.notNull = true;
        column.defaultExpression = SnapshotTypes::serialDefault(table.schema, table.name, column.name);
        return column;
    }
    if (kind <= 12) {
        static const char *const integers[] = {"integer", "bigint", "smallint"};
        column.type = QLatin1String(integers[between(0, 2)]);
        column.notNull = true;
        Identity identity;
        identity.kind = chance(50) ? Identity::Kind::Always : Identity::Kind::ByDefault;
        identity.sequenceName = SnapshotTypes::objectName(table.name, column.name, QStringLiteral("seq"));
        identity.sequenceSchema = table.schema;
        identity.increment = chance(70) ? 1 : between(2, 9);
        identity.minValue = 1;
        identity.maxValue = integerMax(column.type);
        identity.start = chance(70) ? 1 : between(1, 1000);
        identity.cache = 1;
        column.identity = identity;
        return column;
    }
    randomType(&column, schema, table.schema);
    column.notNull = chance(30);
    if (chance(35))
        column.defaultExpression = defaultFor(column, schema);
    return column;
}

Table RandomSchema::table(const Schema &schema, const QString &tableSchema)
{
    Table table;
    table.schema = tableSchema;
    table.name = name("t");
    const int columns = between(1, 7);
    for (int i = 0; i < columns; ++i)
        table.columns << column(schema, table);
    if (chance(70))
        addPrimaryKey(table);
    for (int i = between(0, 2); i > 0; --i)
        addUnique(table);
    for (int i = between(0, 2); i > 0; --i)
        addIndex(table);
    if (chance(30))
        addCheck(table, {});
    return table;
}

Enum RandomSchema::enumType(const QString &schema)
{
    Enum type;
    type.schema = schema;
    type.name = name("e");
    for (int i = between(1, 4); i > 0; --i)
        type.values << label();
    return type;
}

Sequence RandomSchema::sequence(const QString &schema)
{
    Sequence sequence;
    sequence.schema = schema;
    sequence.name = name("s");
    sequence.increment = chance(50) ? 1 : between(2, 50);
    sequence.minValue = between(1, 10);
    sequence.maxValue = chance(50) ? 9223372036854775807LL : between(1000, 100000);
    sequence.start = between(int(sequence.minValue), 500);
    sequence.cache = chance(70) ? 1 : between(2, 20);
    sequence.cycle = chance(20);
    return sequence;
}

void RandomSchema::addPrimaryKey(Table &table)
{
    QList<Column *> candidates;
    for (Column &column : table.columns) {
        if (keyable(column))
            candidates << &column;
    }
    if (candidates.isEmpty())
        return;
    std::shuffle(candidates.begin(), candidates.end(), m_random);
    const int count = chance(60) ? 1 : between(1, std::min<int>(3, int(candidates.size())));
    PrimaryKey key;
    // One column with PostgreSQL's name: drizzle's column key; any other: a composite one.
    key.name = count == 1 && chance(70) ? SnapshotTypes::primaryKeyName(table.name) : name("pk");
    for (int i = 0; i < count; ++i) {
        key.columns << candidates.at(i)->name;
        candidates.at(i)->notNull = true;
    }
    table.primaryKey = key;
}

QStringList RandomSchema::shuffledKeyableColumns(const Table &table)
{
    QStringList candidates;
    for (const Column &column : table.columns) {
        if (keyable(column))
            candidates << column.name;
    }
    std::shuffle(candidates.begin(), candidates.end(), m_random);
    return candidates;
}

void RandomSchema::addUnique(Table &table)
{
    const QStringList candidates = shuffledKeyableColumns(table);
    if (candidates.isEmpty())
        return;
    UniqueConstraint unique;
    unique.name = name("uq");
    unique.columns = candidates.mid(0, between(1, std::min<int>(3, int(candidates.size()))));
    unique.nullsNotDistinct = chance(15);
    table.uniqueConstraints << unique;
}

void RandomSchema::addIndex(Table &table)
{
    const QStringList candidates = shuffledKeyableColumns(table);
    if (candidates.isEmpty())
        return;
    Index index;
    index.name = name("ix");
    index.unique = chance(25);
    for (const QString &column : candidates.mid(0, between(1, std::min<int>(3, int(candidates.size()))))) {
        IndexKey key;
        key.expression = column;
        key.descending = chance(30);
        index.keys << key;
    }
    table.indexes << index;
}

void RandomSchema::addCheck(Table &table, const QSet<QString> &frozen)
{
    // Only on columns whose type stays: PostgreSQL re-spells a check when a column under it
    // changes type, which a diff cannot see.
    QStringList candidates;
    for (const Column &column : table.columns) {
        if (frozen.contains(column.name) || column.identity)
            continue;
        if (isInteger(column) || (column.typeSchema.isEmpty() && column.arrayDimensions == 0 && column.type == QLatin1String("text")))
            candidates << column.name;
    }
    if (candidates.isEmpty())
        return;
    const Column &column = *table.column(pick(candidates));
    const QString quoted = SnapshotTypes::quoteIdentifier(column.name);
    CheckConstraint check;
    check.name = name("ck");
    // As pg_get_expr prints it (a negative number would come back as '-1'::integer).
    check.expression = isInteger(column) ? QStringLiteral("(%1 > %2)").arg(quoted).arg(between(0, 9))
                                         : QStringLiteral("(%1 <> ''::text)").arg(quoted);
    table.checks << check;
}

bool RandomSchema::addForeignKey(Schema &schema, Table &table, const Schema *original)
{
    // A target: the primary key or a unique constraint of some table (this one too). Not
    // over arrays (PostgreSQL fails on some with "cannot determine element type of
    // anyarray"), nor over a column whose type the mutation changed: the key's own columns
    // take the new type, which the old one would not match on the way down.
    struct Target {
        const Table *table;
        QStringList columns;
    };
    const auto usable = [&](const Table &candidate, const QStringList &columns) {
        // One key only over these columns: PostgreSQL binds the foreign key to one of
        // several and refuses to drop that one, which a diff cannot know (see keyCount()).
        if (keyCount(candidate, columns) != 1)
            return false;
        const Table *before = original ? original->table(candidate.schema, candidate.name) : nullptr;
        for (const QString &name : columns) {
            const Column *column = candidate.column(name);
            const Column *old = before ? before->column(name) : nullptr;
            if (column->arrayDimensions > 0
                || (old && (old->type != column->type || old->typeSchema != column->typeSchema)))
                return false;
        }
        return true;
    };
    QList<Target> targets;
    for (const Table &candidate : schema.tables) {
        if (candidate.primaryKey && usable(candidate, candidate.primaryKey->columns))
            targets << Target{&candidate, candidate.primaryKey->columns};
        for (const UniqueConstraint &unique : candidate.uniqueConstraints) {
            if (!unique.nullsNotDistinct && usable(candidate, unique.columns))
                targets << Target{&candidate, unique.columns};
        }
    }
    if (targets.isEmpty())
        return false;
    const Target target = pick(targets);
    ForeignKey key;
    key.name = name("fk");
    key.targetSchema = target.table->schema;
    key.targetTable = target.table->name;
    key.targetColumns = target.columns;
    QList<Column> added;
    for (const QString &targetColumn : target.columns) {
        const Column &source = *target.table->column(targetColumn);
        Column column;
        column.name = name("ref");
        column.type = source.type;
        column.typeSchema = source.typeSchema;
        column.arrayDimensions = source.arrayDimensions;
        key.columns << column.name;
        added << column;
    }
    static const ForeignKeyAction actions[] = {ForeignKeyAction::NoAction, ForeignKeyAction::Restrict,
                                               ForeignKeyAction::Cascade, ForeignKeyAction::SetNull,
                                               ForeignKeyAction::SetDefault};
    key.onDelete = actions[between(0, 4)];
    key.onUpdate = actions[between(0, 4)];
    // `target` may point into `table`'s own list: copy first, append after.
    table.columns << added;
    table.foreignKeys << key;
    return true;
}

Schema RandomSchema::schema()
{
    Schema schema;
    QStringList namespaces{QStringLiteral("public")};
    if (chance(40)) {
        schema.schemas << name("ns");
        namespaces << schema.schemas.first();
    }
    for (int i = between(0, 3); i > 0; --i)
        schema.enums << enumType(pick(namespaces));
    if (chance(30))
        schema.sequences << sequence(pick(namespaces));
    for (int i = between(1, 5); i > 0; --i)
        schema.tables << table(schema, pick(namespaces));
    for (int i = between(0, 3); i > 0; --i) {
        Table &table = schema.tables[between(0, int(schema.tables.size()) - 1)];
        Table copy = table;
        if (addForeignKey(schema, copy, nullptr))
            table = copy;
    }
    normalize(schema);
    return schema;
}

void RandomSchema::normalize(Schema &schema)
{
    std::sort(schema.schemas.begin(), schema.schemas.end());
    sortBySchemaAndName(schema.tables);
    sortBySchemaAndName(schema.enums);
    sortBySchemaAndName(schema.sequences);
    for (Table &table : schema.tables) {
        sortByName(table.uniqueConstraints);
        sortByName(table.foreignKeys);
        sortByName(table.checks);
        sortByName(table.indexes);
    }
}

} // namespace strata::test
