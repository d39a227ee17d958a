#pragma once

#include "schema/Schema.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata {

// The details pane under the sidebar: a table's (or view's) columns, keys, indexes, foreign
// keys in both directions, checks and policies, read from the schema model.
class TableDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TableDetailsWidget(QWidget *parent = nullptr);

    void setSchema(const Schema &schema);  // keeps the object shown, if it still exists
    void showObject(const QString &schema, const QString &name);
    void clear();
    QTreeWidget *tree() const { return m_tree; }

private:
    void showTable(const Table &table);
    void showView(const View &view);
    QTreeWidgetItem *section(const QString &title, int count);

    Schema m_schema;
    QString m_shownSchema;
    QString m_shownName;
    QLabel *m_title;
    QTreeWidget *m_tree;
};

} // namespace strata
