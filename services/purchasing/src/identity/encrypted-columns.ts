/** Every column holding an identity envelope; the field name and row id are the envelope's associated data. */
export const ENCRYPTED_COLUMNS = [
  { table: 'buyer', column: 'real_name_enc', field: 'buyer.real_name' },
  { table: 'buyer', column: 'id_number_enc', field: 'buyer.id_number' },
  { table: 'buyer', column: 'phone_enc', field: 'buyer.phone' },
  { table: 'shopping_account', column: 'account_name_enc', field: 'shopping_account.account_name' },
  { table: 'receiving_address', column: 'recipient_name_enc', field: 'receiving_address.recipient_name' },
  { table: 'receiving_address', column: 'phone_enc', field: 'receiving_address.phone' },
  { table: 'receiving_address', column: 'address_line_enc', field: 'receiving_address.address_line' },
] as const;
