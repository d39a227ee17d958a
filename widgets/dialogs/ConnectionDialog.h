#pragma once

#include "pg/ConnectionSpec.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace strata {

class Connection;
class ConnectionForm;
class PasswordStore;
class SavedConnectionList;
class SavedConnections;
struct PgError;
struct ServerInfo;
struct SpecError;

// Picks or describes a database: a URL field kept in step with separate fields, the saved
// and recent connections, a Test button, and drizzle project folders. Connect records the
// use in `saved` (recents); the caller then opens spec().
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(SavedConnections &saved, PasswordStore &passwords,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // What to connect to, with the password typed (or read from the keyring), if any.
    ConnectionSpec spec() const;
    // The saved or recent entry this is (after Connect: the one the use was recorded on);
    // empty for a connection that was never stored.
    QString savedId() const { return m_savedId; }
    bool isProduction() const;
    QString projectFolder() const { return m_projectFolder; }

    // Fills the form, e.g. from DATABASE_URL or the command line; a password in `spec`
    // goes to the password field.
    void setSpec(const ConnectionSpec &spec);
    // Selects a saved or recent entry and fills the form from it; false when unknown.
    bool selectSaved(const QString &id);
    // What "Open project folder…" does after the folder is picked.
    bool openProjectFolder(const QString &folder);

public slots:
    void accept() override;

private:
    void buildUi();
    void loadEntry(const QString &id);
    void clearForm();

    void saveEntry();
    void deleteEntry();
    void entryActivated(const QString &id);
    void chooseProjectFolder();
    void updateKeyringCheckBox();

    void startTest();
    void cancelTest();
    void testSucceeded(const ServerInfo &info);
    void testFailed(const PgError &error);
    void abandonTest();
    void setTesting(bool testing);

    void passwordRead(const QString &id, const QString &password);
    void passwordUnavailable(const QString &id, const QString &reason);
    void showStatus(const QString &text, bool error = false);

    SavedConnections &m_saved;
    PasswordStore &m_passwords;

    QString m_savedId;
    QString m_projectFolder;
    QString m_pendingPasswordId;  // a keyring read is under way for this entry
    bool m_connectAfterRead = false;
    QPointer<Connection> m_test;

    SavedConnectionList *m_list = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_deleteButton = nullptr;

    ConnectionForm *m_form = nullptr;
    QPushButton *m_projectButton = nullptr;
    QLabel *m_projectInfo = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_cancelTestButton = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace strata
