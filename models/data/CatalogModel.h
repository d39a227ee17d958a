#pragma once

#include "pg/Connection.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace strata {

// The sidebar's tree: schemas, then their tables, views, materialized views, enums and
// sequences with estimated row counts, read from the catalogs in one query on the worker.
class CatalogModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Kind { Schema, Group, Table, PartitionedTable, View, MaterializedView, Enum, Sequence };
    Q_ENUM(Kind)
    enum Role {
        KindRole = Qt::UserRole + 1,  // Kind
        SchemaRole,                   // the schema's name, exactly as the server has it
        NameRole,                     // the object's name, exactly as the server has it
        RowEstimateRole,              // double; -1 when never analysed
        QualifiedNameRole,            // "schema"."name", quoted for SQL
    };
    enum Column { NameColumn, RowsColumn, ColumnCount };

    explicit CatalogModel(QObject *parent = nullptr);

    // Reloads from `connection` (nullptr clears). Emits loaded() or loadFailed().
    void load(Connection *connection);
    void reload();
    bool isLoading() const { return m_pending != 0; }

    // "~1.2M", "~950", "unknown" for a table never analysed.
    static QString formatEstimate(double rows);
    static QString quoteIdentifier(const QString &name);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The index of an object, e.g. for tests and for restoring the selection.
    QModelIndex find(const QString &schema, const QString &name) const;

signals:
    void loaded();
    void loadFailed(const strata::PgError &error);

private:
    struct Node {
        Kind kind = Kind::Schema;
        QString schema;
        QString name;
        QString label;
        double rows = -1;
        int parent = -1;
        QList<int> children;
    };

    void build(const QueryResult &result);
    int addNode(Node node);
    static QString groupLabel(Kind kind);

    QPointer<Connection> m_connection;
    RequestId m_pending = 0;
    QList<Node> m_nodes;   // everything below the invisible root
    QList<int> m_roots;    // schema nodes
};

} // namespace strata
