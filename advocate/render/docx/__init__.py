"""The DOCX renderer (python-docx), with real Word footnotes and a reference document for house style."""
