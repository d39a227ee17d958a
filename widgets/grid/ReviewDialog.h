#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace strata {

// Shows the exact SQL that staged edits will run, in their one transaction, before anything is
// written; Apply runs it.
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(const QString &sql, int changes, QWidget *parent = nullptr);
    QPlainTextEdit *text() const { return m_text; }

private:
    QPlainTextEdit *m_text;
};

} // namespace strata
