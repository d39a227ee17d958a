#include "CatalogModel.h"

#include "Tr.h"

#include <QLocale>

namespace strata {

namespace {

// One query for the whole tree. reltuples is -1 when never analysed (PostgreSQL 14+);
// before 14 an unanalysed table has reltuples = 0 and relpages = 0, mapped to -1 too.
const char *const catalogSql = R"SQL(
SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
       CASE WHEN c.reltuples < 0 OR (c.reltuples = 0 AND c.relpages = 0
                 AND current_setting('server_version_num')::int < 140000)
            THEN -1 ELSE c.reltuples::float8 END AS rows
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
   AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
UNION ALL
SELECT n.nspname, t.typname, 'e', NULL
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype = 'e'
   AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
UNION ALL
SELECT n.nspname, NULL, 'n', NULL
  FROM pg_catalog.pg_namespace n
 WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
 ORDER BY 1, 3, 2
)SQL";

CatalogModel::Kind kindOf(QStringView relkind)
{
    using Kind = CatalogModel::Kind;
    switch (relkind.isEmpty() ? u'?' : relkind.front().unicode()) {
    case u'r': return Kind::Table;
    case u'p': return Kind::PartitionedTable;
    case u'v': return Kind::View;
    case u'm': return Kind::MaterializedView;
    case u'S': return Kind::Sequence;
    case u'e': return Kind::Enum;
    default: return Kind::Schema;
    }
}

// Groups appear in this order under each schema; partitioned tables sit with tables.
CatalogModel::Kind groupOf(CatalogModel::Kind kind)
{
    return kind == CatalogModel::Kind::PartitionedTable ? CatalogModel::Kind::Table : kind;
}

const CatalogModel::Kind groupOrder[] = {
    CatalogModel::Kind::Table, CatalogModel::Kind::View, CatalogModel::Kind::MaterializedView,
    CatalogModel::Kind::Enum, CatalogModel::Kind::Sequence,
};

} // namespace

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void CatalogModel::load(Connection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (!connection) {
        beginResetModel();
        m_nodes.clear();
        m_roots.clear();
        m_pending = 0;
        endResetModel();
        return;
    }
    connect(connection, &Connection::finished, this, [this](RequestId id, const QueryResult &result) {
        if (id != m_pending)
            return;
        m_pending = 0;
        build(result);
        emit loaded();
    });
    connect(connection, &Connection::failed, this, [this](RequestId id, const PgError &error) {
        if (id != m_pending)
            return;
        m_pending = 0;
        emit loadFailed(error);
    });
    reload();
}

void CatalogModel::reload()
{
    if (m_connection)
        m_pending = m_connection->submit(QString::fromLatin1(catalogSql));
}

int CatalogModel::addNode(Node node)
{
    m_nodes.append(std::move(node));
    const int id = int(m_nodes.size()) - 1;
    const int parent = m_nodes[id].parent;
    if (parent < 0)
        m_roots.append(id);
    else
        m_nodes[parent].children.append(id);
    return id;
}

void CatalogModel::build(const QueryResult &result)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    const int schemaCol = result.columnIndex(QStringLiteral("schema"));
    const int nameCol = result.columnIndex(QStringLiteral("name"));
    const int kindCol = result.columnIndex(QStringLiteral("kind"));
    const int rowsCol = result.columnIndex(QStringLiteral("rows"));

    QHash<QString, int> schemas;
    QHash<QPair<int, int>, int> groups;  // (schema node, kind) -> group node
    auto schemaNode = [&](const QString &schema) {
        auto it = schemas.constFind(schema);
        if (it != schemas.cend())
            return *it;
        const int id = addNode({Kind::Schema, schema, schema, schema, -1, -1, {}});
        schemas.insert(schema, id);
        return id;
    };
    // Rows come ordered by schema, so a schema's groups can be laid out once it is complete;
    // first collect, then order groups by groupOrder.
    for (int r = 0; r < result.rowCount(); ++r) {
        const QString schema = result.value(r, schemaCol);
        const int parent = schemaNode(schema);
        if (result.isNull(r, nameCol))
            continue;
        const Kind kind = kindOf(result.value(r, kindCol));
        const Kind group = groupOf(kind);
        const QPair<int, int> key{parent, int(group)};
        int groupId = groups.value(key, -1);
        if (groupId < 0) {
            groupId = addNode({Kind::Group, schema, QString(), groupLabel(group), -1, parent, {}});
            groups.insert(key, groupId);
        }
        const QString name = result.value(r, nameCol);
        const double rows = result.isNull(r, rowsCol) ? -1 : result.value(r, rowsCol).toDouble();
        addNode({kind, schema, name, name, rows, groupId, {}});
    }
    for (int schema : std::as_const(m_roots)) {
        QList<int> &children = m_nodes[schema].children;
        std::stable_sort(children.begin(), children.end(), [this](int a, int b) {
            auto rank = [this](int node) {
                const Kind kind = groupOf(m_nodes[m_nodes[node].children.value(0)].kind);
                return int(std::find(std::begin(groupOrder), std::end(groupOrder), kind) - std::begin(groupOrder));
            };
            return rank(a) < rank(b);
        });
    }
    endResetModel();
}

QString CatalogModel::groupLabel(Kind kind)
{
    switch (kind) {
    case Kind::Table: return tr("Tables");
    case Kind::View: return tr("Views");
    case Kind::MaterializedView: return tr("Materialized views");
    case Kind::Enum: return tr("Enums");
    case Kind::Sequence: return tr("Sequences");
    default: return QString();
    }
}

QString CatalogModel::formatEstimate(double rows)
{
    if (rows < 0)
        return tr("unknown");
    if (rows < 1000)
        return QStringLiteral("~%1").arg(qint64(rows));
    static const struct { double scale; const char *suffix; } units[] = {
        {1e9, "G"}, {1e6, "M"}, {1e3, "K"},
    };
    for (const auto &unit : units) {
        if (rows >= unit.scale * 0.9995)
            return QStringLiteral("~%1%2").arg(QLocale::c().toString(rows / unit.scale, 'f', 1),
                                               QLatin1String(unit.suffix));
    }
    return QStringLiteral("~%1").arg(qint64(rows));
}

QString CatalogModel::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int> &children = parent.isValid() ? m_nodes[int(parent.internalId())].children : m_roots;
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[row]));
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[int(child.internalId())].parent;
    if (parent < 0)
        return {};
    const int grand = m_nodes[parent].parent;
    const QList<int> &siblings = grand < 0 ? m_roots : m_nodes[grand].children;
    return createIndex(int(siblings.indexOf(parent)), 0, quintptr(parent));
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[int(parent.internalId())].children.size());
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = m_nodes[int(index.internalId())];
    const bool hasRows = node.kind == Kind::Table || node.kind == Kind::PartitionedTable
                         || node.kind == Kind::MaterializedView;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == RowsColumn)
            return hasRows ? formatEstimate(node.rows) : QVariant();
        if (node.kind == Kind::Group)
            return tr("%1 (%n)", nullptr, int(node.children.size())).arg(node.label);
        return node.label;
    case Qt::ToolTipRole:
        if (hasRows)
            return node.rows < 0 ? tr("%1: never analysed, row count unknown").arg(node.name)
                                 : tr("%1: about %2 rows (pg_class.reltuples)")
                                       .arg(node.name, QLocale().toString(qint64(node.rows)));
        return node.label;
    case Qt::TextAlignmentRole:
        if (index.column() == RowsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KindRole:
        return QVariant::fromValue(node.kind);
    case SchemaRole:
        return node.schema;
    case NameRole:
        return node.name;
    case RowEstimateRole:
        return node.rows;
    case QualifiedNameRole:
        if (node.kind == Kind::Group)
            return {};
        if (node.kind == Kind::Schema)
            return quoteIdentifier(node.schema);
        return quoteIdentifier(node.schema) + QLatin1Char('.') + quoteIdentifier(node.name);
    default:
        return {};
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Rows");
}

QModelIndex CatalogModel::find(const QString &schema, const QString &name) const
{
    for (int s = 0; s < m_roots.size(); ++s) {
        const Node &schemaNode = m_nodes[m_roots[s]];
        if (schemaNode.schema != schema)
            continue;
        const QModelIndex schemaIndex = index(s, 0);
        if (name.isEmpty())
            return schemaIndex;
        for (int g = 0; g < schemaNode.children.size(); ++g) {
            const Node &group = m_nodes[schemaNode.children[g]];
            for (int o = 0; o < group.children.size(); ++o) {
                if (m_nodes[group.children[o]].name == name)
                    return index(o, 0, index(g, 0, schemaIndex));
            }
        }
    }
    return {};
}

} // namespace strata
