"""The installer's own documents: invoices and credit notes to its clients, with VAT."""
