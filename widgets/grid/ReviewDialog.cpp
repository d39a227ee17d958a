#include "ReviewDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata {

ReviewDialog::ReviewDialog(const QString &sql, int changes, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Review changes"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n change(s), applied in one transaction. A row someone else changed since it "
                                    "was loaded stops the transaction and nothing is written.", nullptr, changes),
                                 this));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlainText(QStringLiteral("BEGIN;\n\n") + sql + QStringLiteral("\nCOMMIT;\n"));
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

} // namespace strata
