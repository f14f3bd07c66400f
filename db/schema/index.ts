export * from './users';
export * from './audit';
export * from './mail';
export * from './cases';
export * from './bookings';
export * from './payments';
export * from './video';
export * from './access';
