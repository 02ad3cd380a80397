import pytest

pytest.importorskip("reportlab", reason="the export extra (reportlab) is not installed")
pytest.importorskip("pdfplumber", reason="pdfplumber, in the test extra, reads the PDFs back")
