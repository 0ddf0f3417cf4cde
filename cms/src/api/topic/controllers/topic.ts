import { readerController } from '../../../reader/access';

export default readerController('api::topic.topic');
