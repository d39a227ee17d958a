#include "SidebarWidget.h"

#include "data/CatalogModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace strata {

namespace {

// The catalog model answers meaning (KindRole); the look, icons included, is decided here.
class CatalogIconProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DecorationRole || index.column() != CatalogModel::NameColumn)
            return QIdentityProxyModel::data(index, role);
        QStyle *style = QApplication::style();
        switch (index.data(CatalogModel::KindRole).value<CatalogModel::Kind>()) {
        case CatalogModel::Kind::Schema: return style->standardIcon(QStyle::SP_DirIcon);
        case CatalogModel::Kind::Group: return style->standardIcon(QStyle::SP_DirClosedIcon);
        case CatalogModel::Kind::Table:
        case CatalogModel::Kind::PartitionedTable: return style->standardIcon(QStyle::SP_FileDialogDetailedView);
        case CatalogModel::Kind::View:
        case CatalogModel::Kind::MaterializedView: return style->standardIcon(QStyle::SP_FileDialogContentsView);
        case CatalogModel::Kind::Enum: return style->standardIcon(QStyle::SP_FileDialogListView);
        case CatalogModel::Kind::Sequence: return style->standardIcon(QStyle::SP_ArrowDown);
        }
        return {};
    }
};

bool isBrowsable(const QModelIndex &index)
{
    const auto kind = index.data(CatalogModel::KindRole).value<CatalogModel::Kind>();
    return kind == CatalogModel::Kind::Table || kind == CatalogModel::Kind::PartitionedTable
           || kind == CatalogModel::Kind::View || kind == CatalogModel::Kind::MaterializedView;
}

} // namespace

SidebarWidget::SidebarWidget(CatalogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_view(new QTreeView(this))
{
    auto *icons = new CatalogIconProxy(this);
    icons->setSourceModel(model);
    m_proxy->setSourceModel(icons);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(CatalogModel::NameColumn);
    m_proxy->setFilterRole(CatalogModel::NameRole);

    m_filter->setPlaceholderText(tr("Filter tables, views, enums…"));
    m_filter->setClearButtonEnabled(true);
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(false);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CatalogModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CatalogModel::RowsColumn, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_message);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, &SidebarWidget::applyFilter);
    connect(m_view, &QTreeView::activated, this, &SidebarWidget::activate);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &SidebarWidget::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (isBrowsable(current))
                    emit objectSelected(current.data(CatalogModel::SchemaRole).toString(),
                                        current.data(CatalogModel::NameRole).toString());
                else
                    emit objectSelected({}, {});
            });
    // A reload (Refresh, Reconnect) resets the model; what was open and selected comes back.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &SidebarWidget::rememberTree);
    connect(model, &CatalogModel::loaded, this, &SidebarWidget::restoreTree);
}

QString SidebarWidget::nodeKey(const QModelIndex &index)
{
    const auto kind = index.data(CatalogModel::KindRole).value<CatalogModel::Kind>();
    QString name = index.data(CatalogModel::NameRole).toString();
    if (kind == CatalogModel::Kind::Group)  // groups have no name; their label starts alike
        name = index.data().toString().section(QStringLiteral(" ("), 0, 0);
    return QStringLiteral("%1\x1f%2\x1f%3").arg(int(kind)).arg(index.data(CatalogModel::SchemaRole).toString(), name);
}

void SidebarWidget::rememberTree()
{
    if (m_proxy->rowCount() == 0)
        return;  // an empty tree (between connections) keeps what the last full one had
    m_expanded.clear();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            if (m_view->isExpanded(index)) {
                m_expanded.insert(nodeKey(index));
                walk(index);
            }
        }
    };
    walk({});
    const QModelIndex current = m_view->currentIndex();
    m_current = current.isValid() ? nodeKey(current.siblingAtColumn(0)) : QString();
}

void SidebarWidget::restoreTree()
{
    bool restored = false;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            const QString key = nodeKey(index);
            if (key == m_current)
                m_view->setCurrentIndex(index);
            if (m_expanded.contains(key)) {
                m_view->expand(index);
                restored = true;
                walk(index);
            }
        }
    };
    walk({});
    if (restored)
        return;
    // A first load shows the schemas' contents; public first, as most projects live there.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex schema = m_proxy->index(row, 0);
        if (schema.data(CatalogModel::SchemaRole).toString() == QLatin1String("public") || m_proxy->rowCount() == 1)
            m_view->expandRecursively(schema, 1);
    }
}

void SidebarWidget::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SidebarWidget::applyFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_view->expandAll();
}

void SidebarWidget::activate(const QModelIndex &index)
{
    if (isBrowsable(index))
        emit openRequested(index.data(CatalogModel::SchemaRole).toString(),
                           index.data(CatalogModel::NameRole).toString());
}

void SidebarWidget::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    QMenu menu(this);
    if (index.isValid() && isBrowsable(index)) {
        menu.addAction(tr("Open"), this, [this, index] { activate(index); });
        menu.addSeparator();
    }
    if (index.isValid()) {
        const QString name = index.data(CatalogModel::NameRole).toString();
        const QString qualified = index.data(CatalogModel::QualifiedNameRole).toString();
        if (!name.isEmpty())
            menu.addAction(tr("Copy name"), this, [name] { QApplication::clipboard()->setText(name); });
        if (!qualified.isEmpty())
            menu.addAction(tr("Copy qualified name"), this,
                           [qualified] { QApplication::clipboard()->setText(qualified); });
        menu.addSeparator();
    }
    menu.addAction(tr("Expand all"), m_view, &QTreeView::expandAll);
    menu.addAction(tr("Collapse all"), m_view, &QTreeView::collapseAll);
    menu.addAction(tr("Refresh"), this, &SidebarWidget::refreshRequested);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace strata
