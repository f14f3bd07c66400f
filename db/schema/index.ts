export * from './users';
export * from './audit';
export * from './mail';
export * from './cases';
