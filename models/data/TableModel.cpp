#include "TableModel.h"

#include "RowWindow.h"

namespace strata {

namespace {
// The grid shows a line of a long value; the whole value is in the side panel.
constexpr int shownCharacters = 300;
}

TableModel::TableModel(RowWindow *window, QObject *parent)
    : QAbstractTableModel(parent)
    , m_window(window)
{
    connect(window, &RowWindow::rowCountChanged, this, &TableModel::windowCountChanged);
    connect(window, &RowWindow::rowsLoaded, this, &TableModel::windowRowsChanged);
    connect(window, &RowWindow::rowsDropped, this, &TableModel::windowRowsChanged);
}

void TableModel::setRelation(const RelationInfo &relation)
{
    beginResetModel();
    m_relation = relation;
    m_edits = StagedEdits(relation.schema, relation.name, relation.schemaColumns(), relation.primaryKey);
    m_keyColumns.clear();
    for (const QString &key : relation.primaryKey)
        m_keyColumns << relation.columnIndex(key);
    m_conflicts.clear();
    m_rows = int(qMin<qint64>(m_window->rowCount(), std::numeric_limits<int>::max() / 2));
    endResetModel();
}

void TableModel::updateRelation(const RelationInfo &relation)
{
    m_relation = relation;
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void TableModel::setSortMarkers(const QList<SortColumn> &sort)
{
    m_sort = sort;
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void TableModel::setEditable(bool editable)
{
    m_editable = editable;
    if (m_rows + m_edits.insertedCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::EditRole});
}

void TableModel::discardEdits()
{
    beginResetModel();
    m_edits.clear();
    m_conflicts.clear();
    endResetModel();
    emit editsChanged();
}

void TableModel::setConflicts(const QList<QStringList> &keys)
{
    m_conflicts = QSet<QStringList>(keys.begin(), keys.end());
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1), {CellStateRole});
}

void TableModel::windowCountChanged(qint64 oldCount, qint64 newCount)
{
    Q_UNUSED(oldCount)
    const int count = int(qMin<qint64>(newCount, std::numeric_limits<int>::max() / 2));
    if (count > m_rows) {
        beginInsertRows({}, m_rows, count - 1);
        m_rows = count;
        endInsertRows();
    } else if (count < m_rows) {
        beginRemoveRows({}, count, m_rows - 1);
        m_rows = count;
        endRemoveRows();
    }
}

void TableModel::windowRowsChanged(qint64 first, qint64 count)
{
    if (count <= 0 || first >= m_rows)
        return;
    const int last = int(qMin<qint64>(first + count, m_rows) - 1);
    emit dataChanged(index(int(first), 0), index(last, columnCount() - 1));
    emit headerDataChanged(Qt::Vertical, int(first), last);
}

bool TableModel::isLoaded(int row) const
{
    return row >= m_rows || m_window->row(row) != nullptr;
}

QString TableModel::loadedValue(int row, int column) const
{
    const Row *loaded = m_window->row(row);
    return loaded ? loaded->values.value(column) : QString();
}

QStringList TableModel::keyOf(int row) const
{
    const Row *loaded = row < m_rows ? m_window->row(row) : nullptr;
    if (!loaded || m_keyColumns.isEmpty())
        return {};
    QStringList key;
    for (int column : m_keyColumns)
        key << loaded->values.value(column);
    return key;
}

QStringList TableModel::rowValues(int row) const
{
    QStringList values;
    if (!isLoaded(row))
        return values;
    for (int c = 0; c < columnCount(); ++c)
        values << data(index(row, c), ValueRole).toString();
    return values;
}

int TableModel::insertRow()
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_edits.insertRow();
    endInsertRows();
    emit editsChanged();
    return row;
}

void TableModel::deleteRows(const QList<int> &rows)
{
    QList<int> inserted;
    for (int row : rows) {
        if (isInsertedRow(row)) {
            inserted << row - m_rows;
            continue;
        }
        const Row *loaded = m_window->row(row);
        const QStringList key = keyOf(row);
        if (!loaded || key.isEmpty())
            continue;
        m_edits.deleteRow(key, loaded->values.mid(0, columnCount()),
                          m_xminIndex >= 0 ? loaded->values.value(m_xminIndex) : QString());
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    std::sort(inserted.begin(), inserted.end(), std::greater<>());
    for (int i : inserted) {
        beginRemoveRows({}, m_rows + i, m_rows + i);
        m_edits.removeInsertedRow(i);
        endRemoveRows();
    }
    emit editsChanged();
}

void TableModel::revertRows(const QList<int> &rows)
{
    QList<int> inserted;
    for (int row : rows) {
        if (isInsertedRow(row)) {
            inserted << row;
            continue;
        }
        const QStringList key = keyOf(row);
        if (key.isEmpty())
            continue;
        m_edits.undeleteRow(key);
        for (int c = 0; c < columnCount(); ++c)
            m_edits.revertValue(key, c);
        m_conflicts.remove(key);
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    if (!inserted.isEmpty())
        deleteRows(inserted);
    emit editsChanged();
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows + m_edits.insertedCount();
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_relation.columns.size());
}

QString TableModel::displayText(const QString &value, RelationColumn::Kind kind) const
{
    if (kind == RelationColumn::Kind::Boolean)
        return value == u"t" ? QStringLiteral("true") : QStringLiteral("false");
    const qsizetype newline = value.indexOf(u'\n');
    if (value.size() <= shownCharacters && newline < 0)
        return value;
    QString shown = value.left(qMin<qsizetype>(shownCharacters, newline < 0 ? value.size() : newline));
    return shown + QStringLiteral(" …");
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const RelationColumn &info = m_relation.columns[column];

    switch (role) {
    case ColumnKindRole:
        return int(info.kind);
    case EnumValuesRole:
        return info.enumValues;
    case LinkRole:
        for (const RelationLink &link : m_relation.foreignKeys) {
            if (link.columns.contains(info.name))
                return true;
        }
        return false;
    default:
        break;
    }

    // The value and its state, staged edits first.
    CellState state = CellState::Value;
    QString value;
    QString original;
    if (isInsertedRow(row)) {
        const std::optional<QString> staged = m_edits.insertedValue(row - m_rows, column);
        state = CellState::Inserted;
        value = staged.value_or(QString());
        if (!staged && role == Qt::DisplayRole)
            return info.hasDefault ? QStringLiteral("DEFAULT") : QVariant();
    } else {
        const Row *loaded = m_window->row(row);
        if (!loaded) {
            if (role == CellStateRole)
                return QVariant::fromValue(CellState::Loading);
            return {};
        }
        original = loaded->values.value(column);
        value = original;
        const QStringList key = keyOf(row);
        if (!key.isEmpty()) {
            if (m_edits.isDeleted(key)) {
                state = CellState::Deleted;
            } else if (const std::optional<QString> staged = m_edits.stagedValue(key, column)) {
                value = *staged;
                state = CellState::Changed;
            }
            if (m_conflicts.contains(key))
                state = CellState::Conflict;
        }
        if (state == CellState::Value && value.isNull())
            state = CellState::Null;
    }

    switch (role) {
    case Qt::DisplayRole:
        return value.isNull() ? QVariant() : QVariant(displayText(value, info.kind));
    case Qt::EditRole:
    case ValueRole:
        return value;
    case OriginalValueRole:
        return original;
    case Qt::ToolTipRole:
        return value.size() > shownCharacters ? QVariant(value.left(2000)) : QVariant();
    case CellStateRole:
        return QVariant::fromValue(state);
    default:
        return {};
    }
}

bool TableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    // An invalid QVariant sets NULL; an empty string stays an empty string.
    const QString text = value.isValid() && !value.isNull() ? value.toString() : QString();
    const int row = index.row();
    if (isInsertedRow(row)) {
        m_edits.setInsertedValue(row - m_rows, index.column(), text);
    } else {
        const Row *loaded = m_window->row(row);
        const QStringList key = keyOf(row);
        if (!loaded || key.isEmpty())
            return false;
        m_edits.setValue(key, index.column(), text, loaded->values.mid(0, columnCount()),
                         m_xminIndex >= 0 ? loaded->values.value(m_xminIndex) : QString());
    }
    emit dataChanged(index, index);
    emit editsChanged();
    return true;
}

Qt::ItemFlags TableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!m_editable || m_relation.columns[index.column()].generated)
        return flags;
    if (isInsertedRow(index.row()))
        return flags | Qt::ItemIsEditable;
    const QStringList key = keyOf(index.row());
    if (!key.isEmpty() && !m_edits.isDeleted(key))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        const RelationColumn &column = m_relation.columns[section];
        if (role == Qt::DisplayRole) {
            for (int i = 0; i < m_sort.size(); ++i) {
                if (m_sort[i].column != column.name)
                    continue;
                QString marker = m_sort[i].descending ? QStringLiteral(" ▼") : QStringLiteral(" ▲");
                if (m_sort.size() > 1)
                    marker += QString::number(i + 1);
                return column.name + marker;
            }
            return column.name;
        }
        if (role == Qt::ToolTipRole) {
            QString tip = column.name + QStringLiteral(" — ") + column.type;
            if (column.notNull)
                tip += QStringLiteral(" NOT NULL");
            if (m_relation.primaryKey.contains(column.name))
                tip += QStringLiteral(" (PRIMARY KEY)");
            return tip;
        }
        if (role == ColumnKindRole)
            return int(column.kind);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section >= m_rows)
        return QStringLiteral("+");
    // Row numbers are estimates after a far jump, and say so.
    const QString number = QString::number(section + 1);
    return m_window->isPositionExact() ? number : QStringLiteral("~") + number;
}

} // namespace strata
