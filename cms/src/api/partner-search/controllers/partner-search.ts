import { readerController } from '../../../reader/access';

export default readerController('api::partner-search.partner-search');
