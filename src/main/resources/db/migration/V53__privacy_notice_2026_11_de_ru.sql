-- German and Russian text of the first privacy notice (version 2026-11); same content as the English body.
INSERT INTO privacy_notice_translation (notice_id, language, body)
SELECT id, 'de',
'## Wer wir sind
Die NGO Platform wird von den Organisatorinnen und Organisatoren eines europäischen Netzwerks von Nichtregierungsorganisationen gegen Menschenhandel betrieben.

## Was wir erheben
Für ein Konto: Ihre E-Mail-Adresse, Ihren Namen, Ihre Organisation, Ihr Land und ein Passwort, das wir nur als Einweg-Hash speichern. Für eine Anmeldung: Ihre Funktion, Ihre Reisedaten und ob Sie ein Schreiben für ein Visum benötigen.

## Sensible Angaben
Angaben zu Ernährung und Barrierefreiheit sind freiwillig, nur für das Organisationsteam sichtbar und werden nach dem Treffen gemäß der Aufbewahrungsfrist der jeweiligen Ausgabe gelöscht.

## Wozu
Um das Treffen, seine Arbeitsgruppen und die anschließenden gemeinsamen Aktionen zu organisieren. Wir verkaufen Ihre Daten nie und geben sie nicht weiter.

## Wer sie sieht
Das Organisationsteam sieht die Anmeldungen. Andere Teilnehmende sehen Ihren Namen und Ihre Organisation nur, wenn Sie zustimmen und die Ausgabe eine Teilnehmendenliste zeigt.

## Wie lange
Anmeldedaten werden nach der für jede Ausgabe festgelegten Aufbewahrungsfrist gelöscht, Kontodaten, bis Sie Ihr Konto löschen.

## Ihre Rechte
Sie können jederzeit alle über Sie gespeicherten Daten herunterladen und Ihr Konto löschen. Anonyme Antworten auf Umfragen werden nie mit Ihnen verknüpft.'
FROM privacy_notice WHERE version_label = '2026-11';

INSERT INTO privacy_notice_translation (notice_id, language, body)
SELECT id, 'ru',
'## Кто мы
NGO Platform ведут организаторы европейской сети неправительственных организаций, противодействующих торговле людьми.

## Что мы собираем
Для учётной записи: вашу электронную почту, имя, организацию, страну и пароль, который мы храним только в виде необратимого хеша. Для регистрации: вашу должность, даты поездки и нужно ли вам письмо для получения визы.

## Чувствительные сведения
Сведения о питании и доступности указываются по желанию, видны только организаторам и удаляются после встречи в соответствии со сроком хранения, установленным для данной встречи.

## Зачем
Чтобы организовать встречу, её рабочие группы и последующие совместные действия. Мы никогда не продаём и не передаём ваши данные.

## Кто их видит
Организаторы видят регистрации. Другие участники видят ваше имя и организацию, только если вы согласились и встреча показывает список участников.

## Как долго
Данные регистрации удаляются после срока хранения, установленного для каждой встречи; данные учётной записи хранятся, пока вы не удалите учётную запись.

## Ваши права
Вы можете в любое время скачать все хранящиеся о вас данные и удалить свою учётную запись. Анонимные ответы на опросы никогда не связываются с вами.'
FROM privacy_notice WHERE version_label = '2026-11';
