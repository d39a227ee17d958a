#include "TableTab.h"

#include "CellDelegate.h"
#include "DataGrid.h"
#include "ExportRunner.h"
#include "FilterBar.h"
#include "GridClipboard.h"
#include "ReviewDialog.h"
#include "TableLayoutStore.h"
#include "ValuePanel.h"
#include "data/CatalogModel.h"
#include "data/LinkFilters.h"
#include "data/RowWindow.h"
#include "data/TableBrowser.h"
#include "data/TableModel.h"
#include "dialogs/ErrorLook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace strata {

TableTab::TableTab(const ConnectionSpec &spec, const QString &password, const QString &schema, const QString &name,
                   bool production, const QString &settingsKey, const RelationInfo &known, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec)
    , m_password(password)
    , m_production(production)
    , m_locked(production)
    , m_layouts(settingsKey)
    , m_known(known)
{
    buildUi();
    display(Location{schema, name, {}, {}, {}, true});
}

TableTab::~TableTab()
{
    saveLayout();
}

void TableTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = m_toolBar->addAction(text);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(name, action);
        return action;
    };
    add(QStringLiteral("back"), tr("Back"), QKeySequence(Qt::ALT | Qt::Key_Left), [this] { goBack(); });
    add(QStringLiteral("forward"), tr("Forward"), QKeySequence(Qt::ALT | Qt::Key_Right), [this] { goForward(); });
    add(QStringLiteral("refresh"), tr("Refresh"), QKeySequence::Refresh, [this] { m_browser->refresh(); });
    m_toolBar->addSeparator();
    add(QStringLiteral("insert"), tr("Add row"), QKeySequence(Qt::CTRL | Qt::Key_Insert), [this] {
        const int row = m_browser->model()->insertRow();
        m_grid->scrollTo(m_browser->model()->index(row, 0));
        m_grid->setCurrentIndex(m_browser->model()->index(row, 0));
    });
    add(QStringLiteral("delete"), tr("Delete rows"), QKeySequence(Qt::CTRL | Qt::Key_Delete), [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes()) {
            if (!rows.contains(index.row()))
                rows << index.row();
        }
        m_browser->model()->deleteRows(rows);
    });
    add(QStringLiteral("review"), tr("Review…"), QKeySequence(Qt::CTRL | Qt::Key_S), [this] { reviewAndApply(true); });
    add(QStringLiteral("discard"), tr("Discard"), {}, [this] { m_browser->model()->discardEdits(); });
    add(QStringLiteral("unlock"), tr("Unlock editing"), {}, [this] { unlock(); });
    m_toolBar->addSeparator();
    QAction *exportAction = add(QStringLiteral("export"), tr("Export…"), {}, [] {});
    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(tr("CSV…"), this, [this] { exportRows(int(ExportRequest::Format::Csv), {}, true); });
    exportMenu->addAction(tr("JSON lines…"), this, [this] { exportRows(int(ExportRequest::Format::JsonLines), {}, true); });
    exportMenu->addAction(tr("SQL INSERT statements…"), this, [this] { exportRows(int(ExportRequest::Format::Sql), {}, true); });
    exportAction->setMenu(exportMenu);
    m_toolBar->addSeparator();
    m_count = new QLabel(this);
    m_toolBar->addWidget(m_count);
    add(QStringLiteral("count"), tr("Count rows"), {}, [this] {
        if (m_browser->isCounting())
            m_browser->cancelCount();
        else
            m_browser->countRows();
    });
    layout->addWidget(m_toolBar);

    m_error = new QWidget(this);
    auto *errorLayout = new QHBoxLayout(m_error);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    m_errorText = new QLabel(m_error);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorLook(m_errorText);
    m_retry = new QPushButton(tr("Retry"), m_error);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_error->hide();
        if (m_browser->isOpen())
            m_browser->window()->retry();
        else
            m_browser->retry();
    });
    errorLayout->addWidget(m_errorText, 1);
    errorLayout->addWidget(m_retry);
    m_error->hide();
    layout->addWidget(m_error);

    m_filterBar = new FilterBar(this);
    connect(m_filterBar, &FilterBar::applied, this, &TableTab::filterApplied);
    layout->addWidget(m_filterBar);

    m_splitter = new QSplitter(this);
    m_grid = new DataGrid(m_splitter);
    m_delegate = new CellDelegate(m_grid);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_grid, &QWidget::customContextMenuRequested, this, &TableTab::showCellMenu);
    connect(m_grid->horizontalHeader(), &QWidget::customContextMenuRequested, this, &TableTab::showHeaderMenu);
    connect(m_grid, &DataGrid::sortClicked, this, &TableTab::sortClicked);
    connect(m_grid, &DataGrid::linkActivated, this, &TableTab::openReferenced);
    m_valuePanel = new ValuePanel(m_splitter);
    m_splitter->addWidget(m_grid);
    m_splitter->addWidget(m_valuePanel);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *copy = new QAction(this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(int(GridClipboard::Format::Tsv)); });
    m_grid->addAction(copy);
    auto *paste = new QAction(this);
    paste->setShortcut(QKeySequence::Paste);
    paste->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(paste, &QAction::triggered, this, &TableTab::pasteClipboard);
    m_grid->addAction(paste);
}

QAction *TableTab::action(const QString &name) const
{
    return m_actions.value(name);
}

QString TableTab::title() const
{
    return m_location.schema == u"public" ? m_location.name : m_location.schema + u'.' + m_location.name;
}

TableTab::Location TableTab::current() const
{
    Location location = m_location;
    if (m_browser) {
        location.filters = m_browser->filters();
        location.rawWhere = m_browser->rawWhere();
        location.sort = m_browser->sort();
    }
    location.restoreSaved = false;
    return location;
}

void TableTab::navigate(const Location &location)
{
    if (m_browser && !m_browser->model()->edits().isEmpty()) {
        const auto answer = QMessageBox::question(this, tr("Unapplied changes"),
                                                  tr("This table has changes that were not applied. Discard them?"),
                                                  QMessageBox::Discard | QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    m_back << current();
    m_forward.clear();
    display(location);
}

void TableTab::goBack()
{
    if (m_back.isEmpty())
        return;
    m_forward << current();
    display(m_back.takeLast());
}

void TableTab::goForward()
{
    if (m_forward.isEmpty())
        return;
    m_back << current();
    display(m_forward.takeLast());
}

void TableTab::display(const Location &location)
{
    saveLayout();
    m_location = location;
    if (location.restoreSaved) {
        // What the user last looked at in this table, if they looked at it before.
        const TableLayoutStore::Saved saved = m_layouts.load(location.schema, location.name);
        m_location.sort = saved.sort;
        m_location.filters = saved.filters;
        m_location.rawWhere = saved.rawWhere;
    }
    m_browser = std::make_unique<TableBrowser>(m_spec, m_password, m_location.schema, m_location.name);
    TableBrowser *browser = m_browser.get();
    browser->setLocked(m_locked);
    if (m_known.schema == m_location.schema && m_known.name == m_location.name)
        browser->setKnownRelation(std::exchange(m_known, {}));
    browser->setSort(m_location.sort);
    browser->setFilter(m_location.filters, m_location.rawWhere);
    connect(browser, &TableBrowser::opened, this, &TableTab::opened);
    connect(browser, &TableBrowser::described, this, &TableTab::updateStatusLine);
    connect(browser, &TableBrowser::failed, this, &TableTab::failed);
    connect(browser, &TableBrowser::estimateChanged, this, &TableTab::updateCount);
    connect(browser, &TableBrowser::counted, this, &TableTab::updateCount);
    connect(browser, &TableBrowser::countingChanged, this, [this] { updateCount(); updateActions(); });
    connect(browser, &TableBrowser::countFailed, this, [this](const PgError &error) {
        updateCount();
        if (error.kind != PgError::Kind::Cancelled)
            m_status->setText(tr("Counting failed: %1").arg(error.toString()));
    });
    connect(browser->window(), &RowWindow::rowCountChanged, this, &TableTab::updateCount);
    connect(browser, &TableBrowser::editableChanged, this, &TableTab::updateActions);
    connect(browser->model(), &TableModel::editsChanged, this, &TableTab::updateActions);
    connect(browser->model(), &QAbstractItemModel::modelReset, this, &TableTab::updateActions);
    connect(browser, &TableBrowser::applied, this, [this](int statements) {
        m_status->setText(tr("Applied %n statement(s) in one transaction.", nullptr, statements));
        updateActions();
    });
    connect(browser, &TableBrowser::applyConflicted, this, [this](const QString &message) {
        m_status->setText(message);
        setErrorLook(m_status);
        updateActions();
    });
    connect(browser, &TableBrowser::applyFailed, this, [this](const PgError &error) {
        m_status->setText(tr("Nothing was written: %1").arg(error.toString()));
        setErrorLook(m_status);
        updateActions();
    });
    m_grid->setModel(browser->model());
    m_grid->setWindow(browser->window());
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &TableTab::currentChanged);
    connect(browser->model(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &a, const QModelIndex &b) {
        const QModelIndex current = m_grid->currentIndex();
        if (current.isValid() && current.row() >= a.row() && current.row() <= b.row())
            currentChanged();
    });
    connect(browser->model(), &QAbstractItemModel::rowsInserted, m_grid, &DataGrid::reportViewport);
    m_valuePanel->setIndex({});
    m_error->hide();
    m_status->setText(tr("Opening %1…").arg(title()));
    m_status->setPalette(QPalette());
    updateCount();
    updateActions();
    emit titleChanged(title());
    browser->open();
}

void TableTab::opened()
{
    m_filterBar->setColumns(m_browser->relation().columns);
    m_filterBar->setFilters(m_browser->filters(), m_browser->rawWhere());
    restoreLayout();
    m_grid->reportViewport();
    updateStatusLine();
}

void TableTab::updateStatusLine()
{
    const QString reason = m_browser->readOnlyReason();
    QStringList status;
    status << (reason.isEmpty() ? tr("Editable: changes are staged until you apply them.") : reason);
    if (!m_browser->timeZone().isEmpty())
        status << tr("Times with a time zone are shown in %1.").arg(m_browser->timeZone());
    m_status->setPalette(QPalette());
    m_status->setText(status.join(u' '));
    updateActions();
}

void TableTab::failed(const PgError &error)
{
    m_errorText->setText(error.toString());
    m_error->show();
}

void TableTab::updateCount()
{
    if (!m_browser)
        return;
    const RowWindow *window = m_browser->window();
    QString text;
    if (m_browser->isCounting())
        text = tr("counting…");
    else if (window->isCountExact())
        text = window->rowCount() == 1 ? tr("1 row") : tr("%L1 rows").arg(window->rowCount());
    else if (m_browser->estimate() >= 0)
        text = tr("%1 rows").arg(CatalogModel::formatEstimate(qMax<double>(m_browser->estimate(), window->rowCount())));
    else
        text = tr("%1 rows").arg(CatalogModel::formatEstimate(-1));
    if (!m_browser->compiledFilter().isEmpty())
        text += tr(" (filtered)");
    m_count->setText(text);
}

void TableTab::updateActions()
{
    if (!m_browser)
        return;
    const TableModel *model = m_browser->model();
    const bool editable = m_browser->readOnlyReason().isEmpty();
    const bool changes = !model->edits().isEmpty();
    m_actions[QStringLiteral("back")]->setEnabled(!m_back.isEmpty());
    m_actions[QStringLiteral("forward")]->setEnabled(!m_forward.isEmpty());
    m_actions[QStringLiteral("insert")]->setEnabled(editable);
    m_actions[QStringLiteral("delete")]->setEnabled(editable);
    m_actions[QStringLiteral("review")]->setEnabled(changes && !m_browser->isApplying());
    m_actions[QStringLiteral("review")]->setText(changes ? tr("Review %n change(s)…", nullptr, model->edits().changeCount())
                                                         : tr("Review…"));
    m_actions[QStringLiteral("discard")]->setEnabled(changes);
    m_actions[QStringLiteral("unlock")]->setVisible(m_locked);
    m_actions[QStringLiteral("count")]->setText(m_browser->isCounting() ? tr("Cancel count") : tr("Count rows"));
    m_actions[QStringLiteral("count")]->setEnabled(m_browser->isOpen());
}

void TableTab::sortClicked(int column, bool add)
{
    const QString name = m_browser->relation().columns.value(column).name;
    if (name.isEmpty())
        return;
    QList<SortColumn> sort = m_browser->sort();
    const auto it = std::find_if(sort.begin(), sort.end(), [&](const SortColumn &s) { return s.column == name; });
    // A click cycles ascending, descending, unsorted; Shift keeps the other columns.
    if (add) {
        if (it == sort.end())
            sort << SortColumn{name, false};
        else if (!it->descending)
            it->descending = true;
        else
            sort.erase(it);
    } else if (sort.size() == 1 && it != sort.end()) {
        if (!it->descending)
            it->descending = true;
        else
            sort.clear();
    } else {
        sort = {SortColumn{name, false}};
    }
    m_browser->setSort(sort);
    m_grid->scrollToTop();
}

void TableTab::filterApplied(const QList<RowFilter> &filters, const QString &rawWhere)
{
    const QString error = m_browser->setFilter(filters, rawWhere);
    m_filterBar->showError(error);
    if (error.isEmpty()) {
        m_grid->scrollToTop();
        updateCount();
    }
}

void TableTab::currentChanged()
{
    m_valuePanel->setIndex(m_grid->currentIndex());
}

void TableTab::unlock()
{
    const auto answer = QMessageBox::warning(
        this, tr("Unlock editing"),
        tr("This is a production connection. Unlock editing of %1? Every change is still shown as SQL before it "
           "is applied.").arg(title()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_locked = false;
    m_browser->setLocked(false);
    updateStatusLine();
}

void TableTab::reviewAndApply(bool confirm)
{
    const TableModel *model = m_browser->model();
    if (model->edits().isEmpty())
        return;
    if (confirm) {
        ReviewDialog dialog(model->edits().reviewText(), model->edits().changeCount(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (m_production) {
            const QString database = m_spec.dbname();
            const QString typed = QInputDialog::getText(
                this, tr("Apply to production"),
                tr("Type the database name, %1, to apply these changes to it.").arg(database));
            if (typed != database)
                return;
        }
    }
    m_status->setPalette(QPalette());
    m_status->setText(tr("Applying…"));
    m_browser->applyEdits();
    updateActions();
}

void TableTab::copySelection(int format)
{
    int skipped = 0;
    const CellBlock block = GridClipboard::selection(*m_grid, *m_browser->model(), &skipped);
    if (block.rows.isEmpty())
        return;
    QApplication::clipboard()->setText(GridClipboard::text(block, GridClipboard::Format(format)));
    m_status->setText(skipped > 0
                          ? tr("Copied %n row(s); %1 rows were not loaded and were left out (use Export for all rows).",
                               nullptr, int(block.rows.size())).arg(skipped)
                          : tr("Copied %n row(s).", nullptr, int(block.rows.size())));
}

void TableTab::pasteClipboard()
{
    const int set = GridClipboard::paste(QApplication::clipboard()->text(), *m_grid, *m_browser->model());
    if (set > 0)
        m_status->setText(tr("Pasted into %n cell(s), staged.", nullptr, set));
}

void TableTab::openReferenced(const QModelIndex &index)
{
    const RelationInfo &relation = m_browser->relation();
    const QString column = relation.columns.value(index.column()).name;
    for (const RelationLink &link : relation.foreignKeys) {
        if (!link.columns.contains(column))
            continue;
        const auto filters = LinkFilters::referenced(relation, link, m_browser->model()->rowValues(index.row()));
        if (filters)
            navigate(Location{link.otherSchema, link.otherTable, *filters, {}, {}, false});
        return;
    }
}

void TableTab::openReferencing(int linkIndex, int row)
{
    const RelationInfo &relation = m_browser->relation();
    const RelationLink link = relation.referencedBy.value(linkIndex);
    navigate(Location{link.otherSchema, link.otherTable,
                      LinkFilters::referencing(relation, link, m_browser->model()->rowValues(row)), {}, {}, false});
}

void TableTab::showCellMenu(const QPoint &pos)
{
    const QModelIndex index = m_grid->indexAt(pos);
    QMenu menu(this);
    QMenu *copyAs = menu.addMenu(tr("Copy as"));
    copyAs->addAction(tr("Tab-separated"), this, [this] { copySelection(int(GridClipboard::Format::Tsv)); });
    copyAs->addAction(QStringLiteral("CSV"), this, [this] { copySelection(int(GridClipboard::Format::Csv)); });
    copyAs->addAction(QStringLiteral("JSON"), this, [this] { copySelection(int(GridClipboard::Format::Json)); });
    copyAs->addAction(tr("SQL INSERT"), this, [this] { copySelection(int(GridClipboard::Format::SqlInsert)); });
    QAction *paste = menu.addAction(tr("Paste"), this, &TableTab::pasteClipboard);
    paste->setEnabled(m_browser->model()->isEditable());
    if (index.isValid()) {
        QAction *setNull = menu.addAction(tr("Set NULL"), this, [this, index] {
            m_browser->model()->setData(index, QVariant());
        });
        setNull->setEnabled(index.flags() & Qt::ItemIsEditable);
        const QString column = m_browser->relation().columns.value(index.column()).name;
        const QString value = index.data(TableModel::ValueRole).toString();
        menu.addAction(tr("Filter: %1 = this value").arg(column), this, [this, column, value] {
            QList<RowFilter> filters = m_browser->filters();
            filters << RowFilter{column, value.isNull() ? RowFilter::Op::IsNull : RowFilter::Op::Equals,
                                 value.isNull() ? QStringList() : QStringList{value}};
            m_filterBar->setFilters(filters, m_browser->rawWhere());
            filterApplied(filters, m_browser->rawWhere());
        });
        menu.addSeparator();
        if (index.data(TableModel::LinkRole).toBool())
            menu.addAction(tr("Open referenced row"), this, [this, index] { openReferenced(index); });
        const QList<RelationLink> &refs = m_browser->relation().referencedBy;
        if (!refs.isEmpty() && !m_browser->model()->isInsertedRow(index.row())) {
            QMenu *referencedBy = menu.addMenu(tr("Referenced by"));
            for (int i = 0; i < refs.size(); ++i) {
                const RelationLink &link = refs[i];
                referencedBy->addAction(tr("%1 (%2)").arg(link.otherSchema == u"public" ? link.otherTable
                                                                                         : link.otherSchema + u'.' + link.otherTable,
                                                          link.otherColumns.join(QStringLiteral(", "))),
                                        this, [this, i, row = index.row()] { openReferencing(i, row); });
            }
        }
        menu.addSeparator();
        QAction *remove = menu.addAction(tr("Delete row(s)"), this, [this] { m_actions[QStringLiteral("delete")]->trigger(); });
        remove->setEnabled(m_browser->model()->isEditable());
        menu.addAction(tr("Revert row(s)"), this, [this] {
            QList<int> rows;
            for (const QModelIndex &selected : m_grid->selectionModel()->selectedIndexes()) {
                if (!rows.contains(selected.row()))
                    rows << selected.row();
            }
            m_browser->model()->revertRows(rows);
        });
    }
    menu.exec(m_grid->viewport()->mapToGlobal(pos));
}

void TableTab::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_grid->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        QAction *action = menu.addAction(m_browser->relation().columns.value(logical).name);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(logical));
        connect(action, &QAction::toggled, this, [this, logical](bool shown) {
            m_grid->setColumnHidden(logical, !shown);
            saveLayout();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Show all columns"), this, [this, header] {
        for (int i = 0; i < header->count(); ++i)
            m_grid->setColumnHidden(i, false);
        saveLayout();
    });
    menu.exec(header->mapToGlobal(pos));
}

void TableTab::saveLayout()
{
    if (m_browser)
        m_layouts.save(*m_browser, *m_grid->horizontalHeader());
}

void TableTab::restoreLayout()
{
    if (m_layouts.restoreHeader(*m_browser, *m_grid->horizontalHeader()))
        return;
    // A table seen for the first time: columns as wide as the first rows need, within reason.
    auto *once = new QObject(m_browser.get());
    connect(m_browser->window(), &RowWindow::rowsLoaded, once, [this, once] {
        for (int c = 0; c < m_grid->model()->columnCount(); ++c) {
            m_grid->resizeColumnToContents(c);
            m_grid->setColumnWidth(c, qBound(60, m_grid->columnWidth(c), 320));
        }
        once->deleteLater();
    });
}

void TableTab::exportRows(int format, const QString &path, bool filtered)
{
    if (!m_browser->isOpen())
        return;
    const bool hasFilter = !m_browser->compiledFilter().isEmpty();
    if (hasFilter && filtered && path.isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("Export"), tr("Export the filtered rows or the whole table?"),
                        QMessageBox::Cancel, this);
        QPushButton *onlyFiltered = box.addButton(tr("Filtered rows"), QMessageBox::AcceptRole);
        box.addButton(tr("Whole table"), QMessageBox::AcceptRole);
        if (box.exec() == QMessageBox::Cancel)
            return;
        filtered = box.clickedButton() == onlyFiltered;
    }
    ExportRequest request = ExportRunner::request(*m_browser, *m_grid->horizontalHeader(), filtered && hasFilter);
    request.spec = m_spec;
    request.password = m_password;
    request.format = ExportRequest::Format(format);
    request.path = path;
    if (!m_export) {
        m_export = new ExportRunner(this);
        connect(m_export, &ExportRunner::ended, this, [this](const QString &message, bool ok) {
            m_status->setText(message);
            if (ok)
                m_status->setPalette(QPalette());
            else
                setErrorLook(m_status);
        });
    }
    m_export->start(request);
}

} // namespace strata
