#include "ValuePanel.h"

#include "data/JsonText.h"
#include "data/RelationInfo.h"
#include "data/TableModel.h"
#include "dialogs/ErrorLook.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata {

ValuePanel::ValuePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_save(new QPushButton(tr("Set value"), this))
    , m_null(new QPushButton(tr("Set NULL"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    layout->addWidget(m_edit, 1);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_null);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &ValuePanel::textEdited);
    connect(m_save, &QPushButton::clicked, this, &ValuePanel::save);
    connect(m_null, &QPushButton::clicked, this, &ValuePanel::setNull);
    setIndex({});
}

bool ValuePanel::isJson() const
{
    return m_index.isValid()
        && RelationColumn::Kind(m_index.data(TableModel::ColumnKindRole).toInt()) == RelationColumn::Kind::Json;
}

void ValuePanel::setIndex(const QModelIndex &index)
{
    m_index = index;
    m_loading = true;
    const bool editable = index.isValid() && (index.flags() & Qt::ItemIsEditable);
    if (!index.isValid()) {
        m_title->setText(tr("No cell selected"));
        m_edit->clear();
    } else {
        const auto *model = index.model();
        const QString column = model->headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
        const QString type = model->headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole).toString();
        m_title->setText(type.isEmpty() ? column : type);
        const QString value = index.data(TableModel::ValueRole).toString();
        const auto state = index.data(TableModel::CellStateRole).value<TableModel::CellState>();
        if (state == TableModel::CellState::Loading) {
            m_edit->clear();
            m_edit->setPlaceholderText(tr("Loading…"));
        } else if (value.isNull()) {
            m_edit->clear();
            m_edit->setPlaceholderText(QStringLiteral("NULL"));
        } else {
            m_edit->setPlaceholderText({});
            // JSON as the server printed it is one line; shown indented, every digit kept.
            const std::optional<QString> pretty = isJson() ? JsonText::pretty(value) : std::nullopt;
            m_edit->setPlainText(pretty.value_or(value));
        }
    }
    m_edit->setReadOnly(!editable);
    m_save->setEnabled(false);
    m_null->setEnabled(editable && !index.data(TableModel::ValueRole).toString().isNull());
    m_loading = false;
    m_status->setText(validation());
}

QString ValuePanel::validation() const
{
    if (!isJson() || m_edit->toPlainText().isEmpty())
        return {};
    QJsonParseError error;
    QJsonDocument::fromJson(m_edit->toPlainText().toUtf8(), &error);
    if (error.error == QJsonParseError::NoError || JsonText::pretty(m_edit->toPlainText()))
        return tr("Valid JSON.");
    return tr("Not valid JSON: %1 (at character %2).").arg(error.errorString()).arg(error.offset + 1);
}

void ValuePanel::textEdited()
{
    if (m_loading)
        return;
    const QString status = validation();
    m_status->setText(status);
    const bool invalid = isJson() && !status.isEmpty() && !JsonText::pretty(m_edit->toPlainText());
    if (invalid)
        setErrorLook(m_status);
    else
        m_status->setPalette(QPalette());
    m_save->setEnabled(m_index.isValid() && !m_edit->isReadOnly() && !invalid);
}

void ValuePanel::save()
{
    if (!m_index.isValid())
        return;
    auto *model = const_cast<QAbstractItemModel *>(m_index.model());
    // JSON is written back as typed; the server normalises jsonb itself.
    model->setData(m_index, m_edit->toPlainText());
    m_save->setEnabled(false);
}

void ValuePanel::setNull()
{
    if (!m_index.isValid())
        return;
    auto *model = const_cast<QAbstractItemModel *>(m_index.model());
    model->setData(m_index, QVariant());
    setIndex(m_index);
}

} // namespace strata
