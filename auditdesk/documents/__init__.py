"""Document rendering (templates/ into .docx and .md, styled workbooks). Built by the report issues."""
