"""`gazette import`: a department's .docx turned into a gazette document.

reader.py reads the file with python-docx into blocks; numbering.py renders
Word's automatic numbering (一、 （一） 1.) as the printed text shows it;
extract.py finds the 公文要素 (title, 发文字号, date, issuer, attachments);
render.py writes the body as Markdown; document.py assembles the file.
"""
