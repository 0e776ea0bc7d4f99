"""Official documents (Decree 30/2020/NĐ-CP format): one content model, two writers.

``model`` describes a document as typed blocks; ``official`` builds the
annual reports from the year's figures, ``commendations`` the proposals of
commendation (one per recipient); ``docx`` and
``pdf`` write the same blocks as Word and PDF; ``book`` is the honour book.
"""
