#include "StagedEdits.h"

#include "ColumnKind.h"
#include "schema/SqlQuote.h"

namespace strata {

namespace {

// NULL and "" are different values; QString's == calls them equal.
bool sameValue(const QString &a, const QString &b)
{
    return a.isNull() == b.isNull() && a == b;
}

QString placeholder(const QStringList &params)
{
    return QLatin1Char('$') + QString::number(params.size());
}

// A parameter as a literal for the review: E'…' when it holds a line break or another control
// character, so that it stays on its comment line and shows what is really there.
QString reviewLiteral(const QString &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    bool plain = true;
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar::LineSeparator || c == QChar::ParagraphSeparator
            || c.unicode() == 0x85) {
            plain = false;
            break;
        }
    }
    if (plain)
        return SqlQuote::literal(value);
    QString escaped;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\': escaped += QStringLiteral("\\\\"); break;
        case '\'': escaped += QStringLiteral("\\'"); break;
        case '\n': escaped += QStringLiteral("\\n"); break;
        case '\r': escaped += QStringLiteral("\\r"); break;
        case '\t': escaped += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x85 || c == QChar::LineSeparator
                || c == QChar::ParagraphSeparator)
                escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                escaped += c;
        }
    }
    return QStringLiteral("E'") + escaped + QLatin1Char('\'');
}

// Types whose equality is missing or means something else (json, xml, point) compare as
// printed; so do user types, which may be composites holding such a type. Text form is
// exactly what was loaded, so it is a sound test of "unchanged".
bool comparesAsText(const Column &column)
{
    const ColumnKind kind = ColumnKind::of(column);
    return !kind.hasEquality() || kind.category == ColumnKind::Category::UserDefined;
}

} // namespace

StagedEdits::StagedEdits(QString schema, QString table, QList<Column> columns, QStringList keyColumns)
    : m_schema(std::move(schema)), m_table(std::move(table)), m_columns(std::move(columns)),
      m_keyColumns(std::move(keyColumns))
{
    for (const QString &name : std::as_const(m_keyColumns)) {
        int index = -1;
        for (int i = 0; i < m_columns.size(); ++i) {
            if (m_columns[i].name == name) {
                index = i;
                break;
            }
        }
        m_keyIndexes.append(index);
    }
}

int StagedEdits::updatedIndex(const QStringList &key) const
{
    return m_updatedByKey.value(key, -1);
}

void StagedEdits::removeUpdated(int index)
{
    m_updated.removeAt(index);
    m_updatedByKey.clear();
    for (int i = 0; i < m_updated.size(); ++i)
        m_updatedByKey.insert(m_updated[i].row.key, i);
}

void StagedEdits::setValue(const QStringList &key, int column, const QString &value, const QStringList &original,
                           const QString &xmin)
{
    if (column < 0 || column >= m_columns.size() || isDeleted(key))
        return;
    int index = updatedIndex(key);
    if (index < 0) {
        if (column < original.size() && sameValue(original[column], value))
            return;
        // The row as first loaded stays the reference: a later edit must not hide a change
        // someone else made in between.
        m_updated.append(UpdatedRow{LoadedRow{key, original, xmin}, {}});
        index = int(m_updated.size()) - 1;
        m_updatedByKey.insert(key, index);
    }
    UpdatedRow &row = m_updated[index];
    if (column < row.row.original.size() && sameValue(row.row.original[column], value)) {
        revertValue(key, column);
        return;
    }
    row.values[column] = value;
}

void StagedEdits::revertValue(const QStringList &key, int column)
{
    const int index = updatedIndex(key);
    if (index < 0)
        return;
    m_updated[index].values.erase(column);
    if (m_updated[index].values.empty())
        removeUpdated(index);
}

bool StagedEdits::isChanged(const QStringList &key, int column) const
{
    return stagedValue(key, column).has_value();
}

std::optional<QString> StagedEdits::stagedValue(const QStringList &key, int column) const
{
    const int index = updatedIndex(key);
    if (index < 0)
        return std::nullopt;
    const auto it = m_updated[index].values.find(column);
    if (it == m_updated[index].values.end())
        return std::nullopt;
    return it->second;
}

QList<QStringList> StagedEdits::changedRows() const
{
    QList<QStringList> keys;
    for (const UpdatedRow &row : m_updated)
        keys.append(row.row.key);
    return keys;
}

void StagedEdits::deleteRow(const QStringList &key, const QStringList &original, const QString &xmin)
{
    if (isDeleted(key))
        return;
    LoadedRow loaded{key, original, xmin};
    if (const int index = updatedIndex(key); index >= 0) {
        loaded = m_updated[index].row;
        removeUpdated(index);
    }
    m_deleted.append(loaded);
    m_deletedByKey.insert(key, int(m_deleted.size()) - 1);
}

void StagedEdits::undeleteRow(const QStringList &key)
{
    const int index = m_deletedByKey.value(key, -1);
    if (index < 0)
        return;
    m_deleted.removeAt(index);
    m_deletedByKey.clear();
    for (int i = 0; i < m_deleted.size(); ++i)
        m_deletedByKey.insert(m_deleted[i].key, i);
}

bool StagedEdits::isDeleted(const QStringList &key) const
{
    return m_deletedByKey.contains(key);
}

int StagedEdits::insertRow()
{
    m_inserted.append(QList<std::optional<QString>>(m_columns.size()));
    return int(m_inserted.size()) - 1;
}

void StagedEdits::setInsertedValue(int insertIndex, int column, const QString &value)
{
    if (insertIndex < 0 || insertIndex >= m_inserted.size() || column < 0 || column >= m_columns.size())
        return;
    m_inserted[insertIndex][column] = value;
}

void StagedEdits::resetInsertedValue(int insertIndex, int column)
{
    if (insertIndex < 0 || insertIndex >= m_inserted.size() || column < 0 || column >= m_columns.size())
        return;
    m_inserted[insertIndex][column].reset();
}

void StagedEdits::removeInsertedRow(int insertIndex)
{
    if (insertIndex >= 0 && insertIndex < m_inserted.size())
        m_inserted.removeAt(insertIndex);
}

int StagedEdits::insertedCount() const
{
    return int(m_inserted.size());
}

std::optional<QString> StagedEdits::insertedValue(int insertIndex, int column) const
{
    if (insertIndex < 0 || insertIndex >= m_inserted.size() || column < 0 || column >= m_columns.size())
        return std::nullopt;
    return m_inserted[insertIndex][column];
}

bool StagedEdits::isEmpty() const
{
    return m_updated.isEmpty() && m_deleted.isEmpty() && m_inserted.isEmpty();
}

int StagedEdits::changeCount() const
{
    int count = int(m_deleted.size() + m_inserted.size());
    for (const UpdatedRow &row : m_updated)
        count += int(row.values.size());
    return count;
}

void StagedEdits::clear()
{
    m_updated.clear();
    m_updatedByKey.clear();
    m_deleted.clear();
    m_deletedByKey.clear();
    m_inserted.clear();
}

QString StagedEdits::qualifiedTable() const
{
    return SqlQuote::qualified(m_schema, m_table);
}

QString StagedEdits::rowCondition(const LoadedRow &row, QStringList &params) const
{
    QStringList terms;
    for (int i = 0; i < m_keyColumns.size(); ++i) {
        params.append(row.key.value(i));
        terms.append(SqlQuote::identifier(m_keyColumns[i]) + QStringLiteral(" = ") + placeholder(params));
    }
    if (!row.xmin.isEmpty()) {
        // xmin changes with every UPDATE of the row (and a deleted and re-inserted row has a
        // new one): one comparison instead of all values. Typed explicitly, because xid also
        // has an = with integer, and an xmin above 2^31 is no integer.
        params.append(row.xmin);
        terms.append(QStringLiteral("xmin = ") + placeholder(params) + QStringLiteral("::text::xid"));
    } else {
        for (int i = 0; i < m_columns.size() && i < row.original.size(); ++i) {
            if (m_keyIndexes.contains(i))
                continue;
            const QString name = SqlQuote::identifier(m_columns[i].name);
            if (row.original[i].isNull()) {
                terms.append(name + QStringLiteral(" IS NULL"));
                continue;
            }
            params.append(row.original[i]);
            terms.append((comparesAsText(m_columns[i]) ? name + QStringLiteral("::text") : name) + QStringLiteral(" = ")
                         + placeholder(params));
        }
    }
    return QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

QList<EditStatement> StagedEdits::statements() const
{
    QList<EditStatement> statements;
    for (const LoadedRow &row : m_deleted) {
        EditStatement statement;
        statement.kind = EditStatement::Kind::Delete;
        statement.key = row.key;
        statement.sql = QStringLiteral("DELETE FROM ") + qualifiedTable() + rowCondition(row, statement.params);
        statements.append(statement);
    }
    for (const UpdatedRow &row : m_updated) {
        EditStatement statement;
        statement.kind = EditStatement::Kind::Update;
        statement.key = row.row.key;
        QStringList assignments;
        for (const auto &[column, value] : row.values) {
            statement.params.append(value);
            // No cast: PostgreSQL types the parameter from the column it is assigned to.
            assignments.append(SqlQuote::identifier(m_columns[column].name) + QStringLiteral(" = ")
                               + placeholder(statement.params));
        }
        statement.sql = QStringLiteral("UPDATE ") + qualifiedTable() + QStringLiteral(" SET ")
            + assignments.join(QStringLiteral(", ")) + rowCondition(row.row, statement.params);
        statements.append(statement);
    }
    for (int index = 0; index < m_inserted.size(); ++index) {
        EditStatement statement;
        statement.kind = EditStatement::Kind::Insert;
        statement.insertIndex = index;
        QStringList names;
        QStringList placeholders;
        for (int column = 0; column < m_columns.size(); ++column) {
            const std::optional<QString> &value = m_inserted[index][column];
            if (!value)
                continue;
            statement.params.append(*value);
            names.append(SqlQuote::identifier(m_columns[column].name));
            placeholders.append(placeholder(statement.params));
        }
        statement.sql = QStringLiteral("INSERT INTO ") + qualifiedTable()
            + (names.isEmpty() ? QStringLiteral(" DEFAULT VALUES")
                               : QStringLiteral(" (") + names.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
                                     + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')'));
        statements.append(statement);
    }
    return statements;
}

QString StagedEdits::reviewText() const
{
    QStringList blocks;
    for (const EditStatement &statement : statements()) {
        QString block = statement.sql + QLatin1Char(';');
        if (!statement.params.isEmpty()) {
            QStringList bindings;
            for (int i = 0; i < statement.params.size(); ++i)
                bindings.append(QLatin1Char('$') + QString::number(i + 1) + QStringLiteral(" = ")
                                + reviewLiteral(statement.params[i]));
            block += QStringLiteral("\n-- ") + bindings.join(QStringLiteral(", "));
        }
        blocks.append(block);
    }
    return blocks.isEmpty() ? QString() : blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

} // namespace strata
