#pragma once

#include "pg/ConnectionSpec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace strata {

// The connection being edited: a URL field kept in step with separate fields (host, port,
// database, user, SSL mode, more options), the password, which never stays in the URL
// field, a name, and the production and keyring check boxes.
class ConnectionForm : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionForm(QWidget *parent = nullptr);
    ~ConnectionForm() override;

    // What to connect to, with the password typed, if any.
    ConnectionSpec spec() const;
    // What the URL field and the fields show: never with a password.
    ConnectionSpec specWithoutPassword() const { return m_spec; }
    // Fills the URL field and the fields; a password in `spec` goes to the password field.
    void setSpec(const ConnectionSpec &spec);
    // Empties every field and check box, and puts the cursor in the URL field.
    void clear();

    QString name() const;
    void setName(const QString &name);
    QString password() const;
    void setPassword(const QString &password);
    void setPasswordPlaceholder(const QString &text);
    bool isProduction() const;
    void setProduction(bool production);
    bool savesPassword() const;  // "Save password in the system keyring" is checked
    void setSavesPassword(bool save);
    // Whether the keyring can take the password; `toolTip` says what the box does or why not.
    void setKeyringAvailable(bool available, const QString &toolTip);

    void focusUrl();
    void focusPassword();

private:
    void urlEdited(const QString &text);
    void hidePasswordInUrl(bool force);
    void setUrlText(const QString &text);
    void fieldsEdited();
    void fillFields();
    void showSpec();  // m_spec into the URL field and the fields
    void showUrlError(const SpecError &error);
    QString urlText() const;

    ConnectionSpec m_spec;       // what the form shows, never with a password
    bool m_keywordForm = false;  // the user typed key=value, not a URL: print that back
    QString m_typedUrl;          // the URL field's text before the latest edit

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_dbname = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_moreOptions = nullptr;
    QLabel *m_moreError = nullptr;
    QCheckBox *m_production = nullptr;
    QCheckBox *m_savePassword = nullptr;
};

} // namespace strata
